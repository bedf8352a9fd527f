#pragma once

namespace mpsim::app {

// The host popups OverlayHostPrompts shows (None: nothing is open).
enum class PromptKind {
    None,
    Authorize,      // wx.authorize
    UserProfile,    // wx.getUserProfile
    UserInfoButton, // <button open-type="getUserInfo">
    Soter,          // wx.startSoterAuthentication
    Subscribe,      // wx.requestSubscribeMessage
    Settings,       // wx.openSetting
    Modal,          // wx.showModal
    ActionSheet,    // wx.showActionSheet
};

} // namespace mpsim::app
