// wx.showToast, hideToast, showLoading, hideLoading, showModal, showActionSheet.

#include "everydayhost.h"

using namespace mpsim::core;
using namespace mpsim::core::test;
using json = nlohmann::json;

TEST_CASE("toast: showToast succeeds at once and shows the toast with the platform's defaults")
{
    EverydayHost host;
    const ApiReply reply = host.now("showToast", {{"title", "Saved"}});
    CHECK(reply.ok);
    CHECK(reply.result == json{{"errMsg", "showToast:ok"}});
    REQUIRE(host.ui.toasts.size() == 1);
    const ToastPrompt &toast = host.ui.toasts[0];
    CHECK(toast.appid == TestHost::appid);
    CHECK(toast.kind == ToastPrompt::Kind::Toast);
    CHECK(toast.title == "Saved");
    CHECK(toast.icon == ToastPrompt::Icon::Success);
    CHECK(toast.durationMs == 1500);
    CHECK_FALSE(toast.mask);
    CHECK(toast.image.empty());
}

TEST_CASE("toast: icon, image, duration and mask reach the host")
{
    EverydayHost host;
    const std::vector<std::pair<std::string, ToastPrompt::Icon>> icons{
        {"success", ToastPrompt::Icon::Success},
        {"error", ToastPrompt::Icon::Error},
        {"loading", ToastPrompt::Icon::Loading},
        {"none", ToastPrompt::Icon::None},
        {"sparkles", ToastPrompt::Icon::Success}, // the base library's fallback
    };
    for (const auto &[name, icon] : icons) {
        INFO(name);
        CHECK(host.now("showToast", {{"title", "t"}, {"icon", name}}).ok);
        CHECK(host.ui.toasts.back().icon == icon);
    }
    CHECK(host.now("showToast", {{"title", "t"}, {"image", "/images/ok.png"}, {"duration", 3000},
                                 {"mask", true}})
              .ok);
    CHECK(host.ui.toasts.back().image == "/images/ok.png");
    CHECK(host.ui.toasts.back().durationMs == 3000);
    CHECK(host.ui.toasts.back().mask);
    // Negative durations are clamped, not rejected.
    CHECK(host.now("showToast", {{"title", "t"}, {"duration", -5}}).ok);
    CHECK(host.ui.toasts.back().durationMs == 0);
}

TEST_CASE("toast: showToast and showLoading need a title, in the platform's wording")
{
    EverydayHost host;
    CHECK(host.now("showToast").result.at("errMsg")
          == "showToast:fail parameter error: parameter.title should be String instead of "
             "Undefined;");
    CHECK(host.now("showToast", {{"title", 12}}).result.at("errMsg")
          == "showToast:fail parameter error: parameter.title should be String instead of "
             "Number;");
    CHECK(host.now("showToast", {{"title", "t"}, {"duration", "long"}}).result.at("errMsg")
          == "showToast:fail parameter error: parameter.duration should be Number instead of "
             "String;");
    CHECK(host.now("showLoading", {{"mask", true}}).result.at("errMsg")
          == "showLoading:fail parameter error: parameter.title should be String instead of "
             "Undefined;");
    CHECK(host.ui.toasts.empty());
}

TEST_CASE("toast: hideToast hides the toast on screen, with none it fails")
{
    EverydayHost host;
    const ApiReply none = host.now("hideToast");
    CHECK_FALSE(none.ok);
    CHECK(none.result.at("errMsg") == "hideToast:fail:toast can't be found");
    CHECK(none.result.at("errno").is_number());

    CHECK(host.now("showToast", {{"title", "t"}}).ok);
    CHECK(host.now("hideToast").ok);
    CHECK(host.ui.hideCount == 1);
    CHECK_FALSE(host.now("hideToast").ok);
}

TEST_CASE("toast: a toast is gone after its duration, a loading stays until hidden")
{
    EverydayHost host;
    CHECK(host.now("showToast", {{"title", "t"}, {"duration", 2000}}).ok);
    host.clock.advance(std::chrono::milliseconds(1999));
    CHECK(host.now("hideToast").ok);

    CHECK(host.now("showToast", {{"title", "t"}}).ok);
    host.clock.advance(std::chrono::milliseconds(1500));
    CHECK(host.now("hideToast").result.at("errMsg") == "hideToast:fail:toast can't be found");

    CHECK(host.now("showLoading", {{"title", "Loading"}}).ok);
    const ToastPrompt &loading = host.ui.toasts.back();
    CHECK(loading.kind == ToastPrompt::Kind::Loading);
    CHECK(loading.icon == ToastPrompt::Icon::Loading);
    CHECK(loading.durationMs == 0);
    host.clock.advance(std::chrono::hours(1));
    CHECK(host.now("hideLoading").result == json{{"errMsg", "hideLoading:ok"}});
    CHECK(host.now("hideLoading").result.at("errMsg") == "hideLoading:fail:toast can't be found");
}

TEST_CASE("toast: toast and loading share one slot, noConflict keeps them apart")
{
    EverydayHost host;
    CHECK(host.now("showLoading", {{"title", "Loading"}}).ok);
    CHECK(host.now("showToast", {{"title", "Done"}}).ok); // replaces the loading
    CHECK(host.now("hideLoading", {{"noConflict", true}}).result.at("errMsg")
          == "hideLoading:fail:toast can't be found");
    // Without noConflict hideLoading hides a toast too [platform: they mix].
    CHECK(host.now("hideLoading").ok);

    CHECK(host.now("showLoading", {{"title", "Loading"}}).ok);
    CHECK_FALSE(host.now("hideToast", {{"noConflict", true}}).ok);
    CHECK(host.now("hideToast").ok);
}

TEST_CASE("modal: showModal waits for the person and answers confirm / cancel")
{
    EverydayHost host;
    auto pending = host.call("showModal", {{"title", "Delete?"}, {"content", "It cannot be undone"}});
    REQUIRE_FALSE(pending.settled());
    REQUIRE(host.ui.modals.size() == 1);
    const ModalPrompt &modal = host.ui.modals[0];
    CHECK(modal.title == "Delete?");
    CHECK(modal.content == "It cannot be undone");
    CHECK(modal.showCancel);
    CHECK(modal.cancelText == "Cancel");
    CHECK(modal.confirmText == "OK");
    CHECK(modal.cancelColor == "#000000");
    CHECK(modal.confirmColor == "#576B95");
    CHECK_FALSE(modal.editable);

    SECTION("confirm")
    {
        host.ui.answerModal(ModalAnswer{true, std::nullopt});
        REQUIRE(pending.settled());
        CHECK(pending.result()
              == json{{"confirm", true}, {"cancel", false}, {"errMsg", "showModal:ok"}});
    }
    SECTION("cancel is a success too")
    {
        host.ui.answerModal(ModalAnswer{false, std::nullopt});
        CHECK(pending.ok());
        CHECK(pending.result()
              == json{{"confirm", false}, {"cancel", true}, {"errMsg", "showModal:ok"}});
    }
    CHECK(*pending.count == 1);
}

TEST_CASE("modal: every option reaches the host, an editable modal answers its content")
{
    EverydayHost host;
    auto pending = host.call("showModal", {{"title", "Rename"},
                                           {"showCancel", true},
                                           {"cancelText", "No"},
                                           {"cancelColor", "#ff0000"},
                                           {"confirmText", "Yes"},
                                           {"confirmColor", "#00ff00"},
                                           {"editable", true},
                                           {"placeholderText", "New name"}});
    const ModalPrompt &modal = host.ui.modals.at(0);
    CHECK(modal.cancelText == "No");
    CHECK(modal.cancelColor == "#ff0000");
    CHECK(modal.confirmText == "Yes");
    CHECK(modal.confirmColor == "#00ff00");
    CHECK(modal.editable);
    CHECK(modal.placeholderText == "New name");
    host.ui.answerModal(ModalAnswer{true, "Lin"});
    CHECK(pending.result()
          == json{{"confirm", true}, {"cancel", false}, {"content", "Lin"},
                  {"errMsg", "showModal:ok"}});

    auto cancelled = host.call("showModal", {{"editable", true}});
    host.ui.answerModal(ModalAnswer{false, std::nullopt});
    CHECK(cancelled.result().at("content") == "");
}

TEST_CASE("modal: without a Cancel button the only answer is confirm")
{
    EverydayHost host;
    auto pending = host.call("showModal", {{"content", "Done"}, {"showCancel", false}});
    CHECK_FALSE(host.ui.modals.at(0).showCancel);
    host.ui.answerModal(ModalAnswer{false, std::nullopt});
    CHECK(pending.result().at("confirm") == true);
}

TEST_CASE("modal: wrong option types fail naming the option")
{
    EverydayHost host;
    CHECK(host.now("showModal", {{"showCancel", "no"}}).result.at("errMsg")
          == "showModal:fail parameter error: parameter.showCancel should be Boolean instead of "
             "String;");
    CHECK(host.now("showModal", {{"content", 3}}).result.at("errMsg")
          == "showModal:fail parameter error: parameter.content should be String instead of "
             "Number;");
    CHECK(host.ui.modals.empty());
}

TEST_CASE("action sheet: a tap answers tapIndex, Cancel fails with 'cancel'")
{
    EverydayHost host;
    auto pending = host.call("showActionSheet", {{"itemList", {"Camera", "Album"}},
                                                 {"itemColor", "#576B95"},
                                                 {"alertText", "Choose a source"}});
    REQUIRE(host.ui.sheets.size() == 1);
    CHECK(host.ui.sheets[0].itemList == std::vector<std::string>{"Camera", "Album"});
    CHECK(host.ui.sheets[0].itemColor == "#576B95");
    CHECK(host.ui.sheets[0].alertText == "Choose a source");

    SECTION("tap")
    {
        host.ui.answerSheet(ActionSheetAnswer{1});
        CHECK(pending.result() == json{{"tapIndex", 1}, {"errMsg", "showActionSheet:ok"}});
    }
    SECTION("cancel")
    {
        host.ui.answerSheet(ActionSheetAnswer{});
        CHECK_FALSE(pending.ok());
        CHECK(pending.errMsg() == "showActionSheet:fail cancel");
    }
    SECTION("an index outside the list is a host bug, not a tap")
    {
        host.ui.answerSheet(ActionSheetAnswer{2});
        CHECK_FALSE(pending.ok());
        CHECK(pending.errMsg().starts_with("showActionSheet:fail internal error"));
    }
    CHECK(*pending.count == 1);
}

TEST_CASE("action sheet: itemList needs 1 to 6 strings")
{
    EverydayHost host;
    CHECK(host.now("showActionSheet").result.at("errMsg")
          == "showActionSheet:fail parameter error: parameter.itemList should be Array instead "
             "of Undefined;");
    CHECK(host.now("showActionSheet", {{"itemList", json::array()}}).result.at("errMsg")
          == "showActionSheet:fail parameter error: parameter.itemList should have at least 1 "
             "item");
    CHECK(host.now("showActionSheet", {{"itemList", {"1", "2", "3", "4", "5", "6", "7"}}})
              .result.at("errMsg")
          == "showActionSheet:fail parameter error: itemList should not be large than 6");
    CHECK(host.now("showActionSheet", {{"itemList", {"a", 2}}}).result.at("errMsg")
          == "showActionSheet:fail parameter error: parameter.itemList[1] should be String "
             "instead of Number;");
    CHECK(host.ui.sheets.empty());
    // Six is fine.
    auto six = host.call("showActionSheet", {{"itemList", {"1", "2", "3", "4", "5", "6"}}});
    CHECK(host.ui.sheets.size() == 1);
    host.ui.answerSheet(ActionSheetAnswer{5});
    CHECK(six.result().at("tapIndex") == 5);
}

TEST_CASE("host UI: a host without the new prompts answers Cancel, none at all fails clearly")
{
    // TestHost's FakePrompts predates these APIs: the HostPrompts defaults apply.
    TestHost old;
    CHECK(old.now("showToast", {{"title", "t"}}).ok);
    CHECK(old.now("showModal", {{"title", "t"}}).result.at("cancel") == true);
    CHECK(old.now("showActionSheet", {{"itemList", {"a"}}}).result.at("errMsg")
          == "showActionSheet:fail cancel");

    TestHost headless;
    headless.core.setPrompts(nullptr);
    CHECK(headless.now("showToast", {{"title", "t"}}).ok);
    CHECK(headless.now("showModal").result.at("errMsg")
          == "showModal:fail internal error: no host UI is available to show the modal");
}

TEST_CASE("host UI: a modal answered after the core is gone does nothing")
{
    int replies = 0;
    bool ok = true;
    UiPrompts ui;
    std::function<void(ModalAnswer)> late;
    {
        EverydayHost host;
        host.core.setPrompts(&ui);
        host.core.invoke("showModal", json::object(), CallContext{TestHost::appid, {}, false},
                         [&](ApiReply reply) {
                             ++replies;
                             ok = reply.ok;
                         });
        late = std::move(ui.pendingModals.front());
        ui.pendingModals.clear();
    }
    late(ModalAnswer{true, std::nullopt});
    CHECK(replies == 0);
    // Dropping the last copy of the answer ends the call, exactly once.
    late = nullptr;
    CHECK(replies == 1);
    CHECK_FALSE(ok);
}
