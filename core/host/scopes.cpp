#include "host/scopes.h"

namespace mpsim::core {

const std::vector<ScopeInfo> &knownScopes()
{
    // The popup reads "<mini-program> wants to <description>".
    static const std::vector<ScopeInfo> scopes{
        {"scope.userInfo", "get your public profile (nickname, avatar)"},
        {"scope.userLocation", "use your location"},
        {"scope.userFuzzyLocation", "use your approximate location"},
        {"scope.userLocationBackground", "use your location while in the background"},
        {"scope.writePhotosAlbum", "save pictures and videos to your album"},
        {"scope.camera", "use your camera"},
        {"scope.record", "use your microphone"},
        {"scope.addFriend", "add you as a friend"},
        {"scope.bluetooth", "use Bluetooth"},
        {"scope.addPhoneContact", "add contacts to your phone"},
        {"scope.addPhoneCalendar", "add events to your calendar"},
        {"scope.werun", "read your WeRun step count"},
        {"scope.invoiceTitle", "use your invoice titles"},
        {"scope.invoice", "use your invoices"},
        {"scope.address", "use your shipping addresses"},
    };
    return scopes;
}

const ScopeInfo *findScope(std::string_view name)
{
    for (const auto &scope : knownScopes()) {
        if (scope.name == name)
            return &scope;
    }
    return nullptr;
}

} // namespace mpsim::core
