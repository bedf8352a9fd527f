// The documentation's "mini program user information component" example as a
// complete page: the Page code below is the documentation's, unchanged. It
// logs to the Console (View › Console): onLoad logs res.userInfo when
// scope.userInfo is already granted; the button logs e.detail.userInfo.

// verbatim from the Super App documentation (open-apis.txt lines 249-271): begin
Page({
data: {
canIUse: wx.canIUse('button.open-type.getUserInfo')
},
onLoad: function() {
// Check if the user has already authorized.
wx.getSetting({
success (res){
if (res.authSetting['scope.userInfo']) {
// Already authorized, can directly call getUserInfo to get user profile photo and nickname.
wx.getUserInfo({
success: function(res) {
console.log(res.userInfo)
}
})
}
}
})
},
bindGetUserInfo (e) {
console.log(e.detail.userInfo)
}
})
// verbatim: end
