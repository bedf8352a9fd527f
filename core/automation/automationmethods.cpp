#include "automation/automationmethods.h"

#include <algorithm>

namespace mpsim::core::automation {

namespace {

constexpr ParamSpec pageId{"pageId", ParamType::Integer, true};
constexpr ParamSpec elementId{"elementId", ParamType::String, true};
constexpr ParamSpec selector{"selector", ParamType::String, true};
constexpr ParamSpec names{"names", ParamType::StringArray, true};
constexpr ParamSpec dataPath{"path", ParamType::String, false};
constexpr ParamSpec data{"data", ParamType::Object, true};
constexpr ParamSpec method{"method", ParamType::String, true};
constexpr ParamSpec args{"args", ParamType::Array, false};

// Calls into mini-program code (a page method, a function) may wait for a
// person to answer a host popup: they get ten minutes, not thirty seconds.
constexpr int longTimeoutMs = 600'000;

std::vector<MethodSpec> buildTable()
{
    using K = MethodKind;
    using T = ParamType;
    return {
        // Tool
        {"Tool.getInfo", K::Host, {}},
        {"Tool.native", K::Host, {method, {"data", T::Any, false}}},
        {"Tool.close", K::Host, {}},
        {"Tool.getTestAccounts", K::Unsupported, {}},
        {"Tool.enableRemoteDebug", K::Unsupported, {}},
        {"Tool.stopAudits", K::Unsupported, {}},
        {"Tool.getTicket", K::Unsupported, {}},
        {"Tool.setTicket", K::Unsupported, {}},
        {"Tool.refreshTicket", K::Unsupported, {}},
        // App
        {"App.getCurrentPage", K::Runtime, {}},
        {"App.getPageStack", K::Runtime, {}},
        {"App.callWxMethod", K::Host, {method, args, {"pluginId", T::String, false}},
         longTimeoutMs},
        {"App.mockWxMethod", K::Host,
         {method, {"result", T::Any, false}, {"functionDeclaration", T::String, false}, args,
          {"pluginId", T::String, false}}},
        {"App.callFunction", K::Runtime, {{"functionDeclaration", T::String, true}, args},
         longTimeoutMs},
        {"App.captureScreenshot", K::Host, {}},
        {"App.addBinding", K::Host, {{"name", T::String, true}}},
        {"App.enableLog", K::Host, {}},
        {"App.exit", K::Host, {}},
        // Page
        {"Page.getElement", K::Runtime, {pageId, selector}},
        {"Page.getElements", K::Runtime, {pageId, selector}},
        {"Page.getElementByXpath", K::Runtime, {pageId, selector}},
        {"Page.getElementsByXpath", K::Runtime, {pageId, selector}},
        {"Page.getData", K::Runtime, {pageId, dataPath}},
        {"Page.setData", K::Runtime, {pageId, data}},
        {"Page.callMethod", K::Runtime, {pageId, method, args}, longTimeoutMs},
        {"Page.getWindowProperties", K::Runtime, {pageId, names}},
        // Element
        {"Element.getElement", K::Runtime, {pageId, elementId, selector}},
        {"Element.getElements", K::Runtime, {pageId, elementId, selector}},
        {"Element.getDOMProperties", K::Runtime, {pageId, elementId, names}},
        {"Element.getProperties", K::Runtime, {pageId, elementId, names}},
        {"Element.getAttributes", K::Runtime, {pageId, elementId, names}},
        {"Element.getStyles", K::Runtime, {pageId, elementId, names}},
        {"Element.getOffset", K::Runtime, {pageId, elementId}},
        {"Element.getWXML", K::Runtime, {pageId, elementId, {"type", T::String, false}}},
        {"Element.tap", K::Runtime, {pageId, elementId}},
        {"Element.longpress", K::Runtime, {pageId, elementId}},
        {"Element.touchstart", K::Runtime,
         {pageId, elementId, {"touches", T::Array, false}, {"changedTouches", T::Array, false}}},
        {"Element.touchmove", K::Runtime,
         {pageId, elementId, {"touches", T::Array, false}, {"changedTouches", T::Array, false}}},
        {"Element.touchend", K::Runtime,
         {pageId, elementId, {"touches", T::Array, false}, {"changedTouches", T::Array, false}}},
        {"Element.triggerEvent", K::Runtime, {pageId, elementId, {"type", T::String, true}}},
        {"Element.dispatchEvent", K::Runtime, {pageId, elementId, {"eventName", T::String, true}}},
        {"Element.callFunction", K::Runtime,
         {pageId, elementId, {"functionName", T::String, true}, args}},
        {"Element.getData", K::Runtime, {pageId, elementId, dataPath}},
        {"Element.setData", K::Runtime, {pageId, elementId, data}},
        {"Element.callMethod", K::Runtime, {pageId, elementId, method, args}, longTimeoutMs},
        {"Element.callContextMethod", K::Runtime, {pageId, elementId, method, args}},
        // mpsim's own (README: "Automation")
        {"Mpsim.answerSoter", K::Host,
         {{"outcome", T::String, true}, {"errCode", T::Integer, false}}},
        {"Mpsim.answerSubscription", K::Host,
         {{"accepted", T::Any, true}, {"keepChoice", T::Boolean, false}}},
        {"Mpsim.answerSettings", K::Host, {{"authSetting", T::Object, true}}},
        {"Mpsim.getPrompt", K::Host, {}},
        {"Mpsim.loadScenario", K::Host,
         {{"path", T::String, false}, {"preset", T::String, false}, {"scenario", T::Object, false}}},
        {"Mpsim.getHostProfile", K::Host, {}},
        {"Mpsim.setHostProfile", K::Host, {{"profile", T::Object, true}}},
        {"Mpsim.advanceClock", K::Host, {{"ms", T::Integer, true}}},
        {"Mpsim.getCallLog", K::Host, {{"since", T::Integer, false}, {"limit", T::Integer, false}}},
        {"Mpsim.clearCallLog", K::Host, {}},
        {"Mpsim.enableCallLog", K::Host, {}},
        {"Mpsim.clearAuthorization", K::Host, {{"appid", T::String, false}}},
        {"Mpsim.expireSession", K::Host, {{"appid", T::String, false}}},
    };
}

} // namespace

const std::vector<MethodSpec> &methodTable()
{
    static const std::vector<MethodSpec> table = buildTable();
    return table;
}

const MethodSpec *findMethod(std::string_view name)
{
    const auto &table = methodTable();
    const auto it = std::find_if(table.begin(), table.end(),
                                 [&](const MethodSpec &spec) { return spec.name == name; });
    return it == table.end() ? nullptr : &*it;
}

} // namespace mpsim::core::automation
