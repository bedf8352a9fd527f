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
