// The authorization scopes the demo offers (an ES module: pages/settings
// imports it with `import`, while every other page uses CommonJS `require`).

export const SCOPES = [
  { name: 'scope.userInfo', label: 'User info (nickname, avatar)' },
  { name: 'scope.userLocation', label: 'Location' },
  { name: 'scope.userFuzzyLocation', label: 'Approximate location' },
  { name: 'scope.writePhotosAlbum', label: 'Save to the photo album' },
  { name: 'scope.camera', label: 'Camera' },
  { name: 'scope.record', label: 'Microphone' },
  { name: 'scope.addFriend', label: 'Be added as a friend' },
  { name: 'scope.bluetooth', label: 'Bluetooth' },
  { name: 'scope.addPhoneContact', label: 'Add phone contacts' },
  { name: 'scope.addPhoneCalendar', label: 'Add calendar events' },
  { name: 'scope.werun', label: 'WeRun step count' },
  { name: 'scope.teleport', label: 'Unknown scope (expect a fail naming it)' }
];

export function scopeTitle(scope) {
  return scope.name + ' - ' + scope.label;
}

export default SCOPES;
