/*
 * mpsim API playground: the page mpsim opens when no project is given.
 *
 * Plain ES2020, no framework, no network. Uses only the global `wx` that mpsim
 * injects before any page script runs (resources/runtime/page-bridge.js).
 *
 * Loaded by index.html as a classic, non-deferred script in <head>, so the
 * statements below marked "top level" run before the page exists, as the
 * platform's demo code does; the page is wired up on DOMContentLoaded.
 *
 * User gesture: getUserProfile, openSetting, requestSubscribeMessage and the
 * getUserInfo button only work while a tap handler runs synchronously. Every
 * wx call below is therefore made synchronously inside the click handler
 * (delegated on `document`, which runs before page-bridge.js clears the gesture
 * in its window-level listener), never after an await or a timer.
 *
 * Where the Super App documentation gives example code, the handlers use it
 * verbatim, adapted only to also print the result (and to leave out the calls
 * that would reach the network or an API mpsim does not implement; those stay
 * as comments).
 */
'use strict';

// --- top level: before the page exists -----------------------------------

const wxAvailable = typeof wx === 'object' && wx !== null && typeof wx.getAccountInfoSync === 'function';

// wx.getAccountInfoSync() at the script's top level (it works before any page).
let accountInfo = null;
let accountInfoError = null;
if (wxAvailable) {
    try {
        accountInfo = wx.getAccountInfoSync();
    } catch (e) {
        accountInfoError = e;
    }
}

// The documentation's user-information example: Page({ data: { canIUse: ... } }).
const pageData = {
    canIUse: wxAvailable && typeof wx.canIUse === 'function' && wx.canIUse('button.open-type.getUserInfo')
};

(function () {
    // Avatars on http(s) would be loaded from the network; this page stays
    // offline and shows the nickname's initial for them instead.
    const LOAD_REMOTE_AVATARS = false;
    const LOCAL_URL = /^(data:|blob:|mpsim:|qrc:|file:)/i;

    // --- result boxes -----------------------------------------------------

    const boxes = new WeakMap(); // button -> { el, seq }

    function boxFor(button) {
        let box = boxes.get(button);
        if (!box) {
            const el = document.createElement('div');
            el.className = 'result';
            el.setAttribute('role', 'status');
            el.setAttribute('aria-live', 'polite');
            (button.closest('.cell, .btn-area') || button.parentNode).appendChild(el);
            box = { el: el, seq: 0 };
            boxes.set(button, box);
        }
        return box;
    }

    // Starts a new run in the button's box: "waiting" until the first answer.
    // Returns a printer bound to this run; answers of an older run are dropped.
    function startRun(button, label) {
        const box = boxFor(button);
        const seq = ++box.seq;
        box.el.className = 'result';
        box.el.replaceChildren(entry('pending', label, null));
        let first = true;
        const print = function (kind, value, entryLabel) {
            if (seq !== box.seq)
                return;
            const node = entry(kind, entryLabel || label, value);
            if (first) {
                box.el.replaceChildren(node);
                first = false;
            } else {
                box.el.appendChild(node);
            }
            // The box's colour follows its last answer.
            box.el.className = 'result result--' + kind;
        };
        return print;
    }

    function entry(kind, label, value) {
        const node = document.createElement('div');
        node.className = 'result__entry result__entry--' + kind;

        const head = document.createElement('div');
        head.className = 'result__head';
        const tag = document.createElement('span');
        tag.className = 'result__tag';
        tag.textContent = kind === 'ok' ? 'success' : kind === 'fail' ? 'fail' : kind === 'info' ? 'info' : 'waiting';
        const name = document.createElement('span');
        name.className = 'result__label';
        name.textContent = label;
        head.append(tag, name);
        if (kind !== 'pending') {
            const time = document.createElement('span');
            time.className = 'result__time';
            time.textContent = clock();
            head.appendChild(time);
        }
        node.appendChild(head);

        if (value && typeof value === 'object' && value.userInfo && typeof value.userInfo === 'object')
            node.appendChild(userChip(value.userInfo));

        const pre = document.createElement('pre');
        pre.className = 'result__json';
        if (kind === 'pending') {
            pre.classList.add('result__json--pending');
            pre.textContent = 'Waiting for the host…';
        } else {
            pre.textContent = pretty(value);
        }
        node.appendChild(pre);
        return node;
    }

    function clock() {
        const d = new Date();
        const two = function (n) { return String(n).padStart(2, '0'); };
        return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
    }

    // Pretty JSON with errMsg first (then the object's own order).
    function pretty(value) {
        if (value instanceof Error)
            value = { errMsg: String(value.message || value), error: value.name };
        if (value && typeof value === 'object' && !Array.isArray(value)
            && Object.prototype.hasOwnProperty.call(value, 'errMsg')) {
            const ordered = { errMsg: value.errMsg };
            Object.keys(value).forEach(function (key) {
                if (key !== 'errMsg')
                    ordered[key] = value[key];
            });
            value = ordered;
        }
        if (value === undefined)
            return 'undefined';
        try {
            return JSON.stringify(value, null, 2);
        } catch (e) {
            return String(value);
        }
    }

    function userChip(userInfo) {
        const row = document.createElement('div');
        row.className = 'result__user';
        const name = document.createElement('span');
        name.textContent = userInfo.nickName || '(no nickname)';
        row.append(avatar(userInfo, false), name);
        return row;
    }

    function avatar(userInfo, large) {
        const el = document.createElement('div');
        el.className = 'avatar' + (large ? ' avatar--large' : '');
        const url = userInfo && typeof userInfo.avatarUrl === 'string' ? userInfo.avatarUrl : '';
        const initial = function () {
            el.replaceChildren();
            el.classList.add('avatar--filled');
            const nick = userInfo && userInfo.nickName ? String(userInfo.nickName) : '';
            el.textContent = nick ? Array.from(nick)[0].toUpperCase() : '?';
        };
        if (url && (LOCAL_URL.test(url) || (LOAD_REMOTE_AVATARS && /^https?:/i.test(url)))) {
            const img = document.createElement('img');
            img.alt = '';
            img.referrerPolicy = 'no-referrer';
            img.addEventListener('error', initial);
            img.src = url;
            el.appendChild(img);
        } else {
            initial();
        }
        if (url)
            el.title = url;
        return el;
    }

    // --- the getUserInfo button's user card ----------------------------------

    let userShown = false;

    function showUser(userInfo, note) {
        userShown = true;
        const slot = document.getElementById('usercard-avatar');
        slot.replaceWith(Object.assign(avatar(userInfo, true), { id: 'usercard-avatar' }));
        document.getElementById('usercard-name').textContent = userInfo.nickName || '(no nickname)';
        document.getElementById('usercard-desc').textContent = note;
    }

    // --- account ------------------------------------------------------------

    function renderAccount(info, error) {
        const mp = info && info.miniProgram ? info.miniProgram : {};
        ['appId', 'envVersion', 'version'].forEach(function (key) {
            const el = document.getElementById('account-' + key);
            const value = mp[key];
            const empty = value === undefined || value === null || value === '';
            let text = empty ? '-' : String(value);
            if (empty && key === 'version' && info && info.miniProgram)
                text = mp.envVersion === 'release' ? '(empty)' : '(empty outside release)';
            el.textContent = text;
            el.classList.toggle('cell__ft--empty', empty);
        });
        if (error)
            document.getElementById('account-note').textContent = 'getAccountInfoSync threw: ' + (error.message || error);
    }

    // --- the handlers: one per data-action --------------------------------------
    // Each is called synchronously from the click handler with (button, print).

    const actions = {
        login: function (button, print) {
            wx.login({
                success (res) {
                    print('ok', res);
                    if (res.code) {
                        // Initiate a network request
                        // (not sent here: the playground makes no network requests)
                        // wx.request({
                        //     url: 'https://example.com/onLogin',
                        //     data: {
                        //         code: res.code
                        //     }
                        // })
                    } else {
                        console.log('Login failed!' + res.errMsg);
                    }
                },
                fail (err) {
                    print('fail', err);
                }
            });
        },

        checkSession: function (button, print) {
            wx.checkSession({
                success (res) {
                    print('ok', res);
                    // The session_key has not expired and remains valid for this lifecycle.
                },
                fail (err) {
                    print('fail', err);
                    // The session_key has expired, and the login process needs to be executed again.
                    wx.login() // Log in again.
                        .then(function (res) { print('ok', res, 'wx.login() (log in again)'); },
                              function (e) { print('fail', e, 'wx.login() (log in again)'); });
                }
            });
        },

        getAccountInfoSync: function (button, print) {
            const info = wx.getAccountInfoSync();
            renderAccount(info, null);
            print('ok', info);
        },

        getUserProfile: function (button, print) {
            wx.getUserProfile({
                desc: 'Show your profile on this page',
                success (res) {
                    print('ok', res);
                },
                fail (err) {
                    print('fail', err);
                }
            });
        },

        getUserInfo: function (button, print) {
            // Must be called when the user has already authorized.
            wx.getUserInfo({
                success: function (res) {
                    var userInfo = res.userInfo;
                    var nickName = userInfo.nickName;
                    var avatarUrl = userInfo.avatarUrl;
                    print('ok', res);
                    console.log(nickName, avatarUrl);
                },
                fail: function (err) {
                    print('fail', err);
                }
            });
        },

        // What <button open-type="getUserInfo" bindgetuserinfo="bindGetUserInfo">
        // does on a tap: ask the host (popup), then fire getuserinfo either way.
        openTypeGetUserInfo: function (button, print) {
            const ask = wx['openType.getUserInfo'];
            if (typeof ask !== 'function')
                throw new Error('getUserInfo:fail this host has no getUserInfo button (wx[\'openType.getUserInfo\'] is missing)');
            const fire = function (detail) { page.bindGetUserInfo({ type: 'getuserinfo', detail: detail }, print); };
            const done = ask.call(wx);
            if (done && typeof done.then === 'function')
                done.then(fire, fire);
        },

        getSetting: function (button, print) {
            wx.getSetting({
                withSubscriptions: true,
                success(res) {
                    console.log(res.authSetting);
                    print('ok', res);
                    // res.authSetting = {
                    //   "scope.userInfo": true,
                    //   "scope.userLocation": true
                    // }
                },
                fail(err) {
                    print('fail', err);
                }
            });
        },

        openSetting: function (button, print) {
            wx.openSetting({
                success(res) {
                    console.log(res.authSetting);
                    print('ok', res);
                    // res.authSetting = {
                    //   "scope.userInfo": true,
                    //   "scope.userLocation": true
                    // }
                },
                fail(err) {
                    print('fail', err);
                }
            });
        },

        authorize: function (button, print) {
            wx.authorize({
                scope: button.dataset.scope,
                success(res) {
                    print('ok', res);
                },
                fail(err) {
                    print('fail', err);
                }
            });
        },

        authorizeRecordExample: function (button, print) {
            // You can query whether the user has authorized the scope of "scope.record" using wx.getSetting
            wx.getSetting({
                success(res) {
                    print('info', res, 'wx.getSetting');
                    if (!res.authSetting['scope.record']) {
                        wx.authorize({
                            scope: 'scope.record',
                            success(res) {
                                print('ok', res, 'wx.authorize scope.record');
                                // Once the user has granted permission for the mini program to use the recording feature, subsequent calls to the wx.startRecord API will not prompt the user for permission again.
                                // wx.startRecord()  (not called here: mpsim does not implement it)
                            },
                            fail(err) {
                                print('fail', err, 'wx.authorize scope.record');
                            }
                        });
                    } else {
                        print('ok', { note: 'scope.record is already granted: wx.authorize is not called' },
                              'already authorized');
                    }
                },
                fail(err) {
                    print('fail', err, 'wx.getSetting');
                }
            });
        },

        checkIsSupportSoterAuthentication: function (button, print) {
            wx.checkIsSupportSoterAuthentication({
                success(res) {
                    // Support biometric authentication
                    print('ok', res);
                },
                fail(err) {
                    print('fail', err);
                }
            });
        },

        checkIsSoterEnrolledInDevice: function (button, print) {
            wx.checkIsSoterEnrolledInDevice({
                checkAuthMode: 'fingerPrint',
                success(res) {
                    console.log(res.isEnrolled);
                    print('ok', res);
                },
                fail(err) {
                    print('fail', err);
                }
            });
        },

        startSoterAuthentication: function (button, print) {
            wx.startSoterAuthentication({
                requestAuthModes: ['fingerPrint'],
                challenge: '123456',
                authContent: 'Unlock biometric authentication',
                success(res) {
                    // Authentication successful
                    print('ok', res);
                    if (typeof res.resultJSON === 'string') {
                        try {
                            print('ok', JSON.parse(res.resultJSON), 'resultJSON, parsed');
                        } catch (e) { /* not JSON: the raw string is shown above */ }
                    }
                },
                fail(err) {
                    print('fail', err);
                }
            });
        },

        requestSubscribeMessage: function (button, print) {
            wx.requestSubscribeMessage({
                tmplIds: button.dataset.tmplIds.split(','),
                success: (res) => {
                    console.log('requestSubscribeMessage===success', res);
                    print('ok', res);
                },
                fail: (err) => {
                    print('fail', err);
                }
            });
        },

        getLocation: function (button, print) {
            const getLocation = wx.getLocation;
            if (typeof getLocation !== 'function')
                throw new Error('getLocation:fail wx.getLocation is not a function');
            getLocation.call(wx, {
                type: 'wgs84',
                success(res) {
                    print('ok', res);
                },
                fail(err) {
                    print('fail', err);
                }
            });
        }
    };

    // The documentation's Page({...}) for the getUserInfo button.
    const page = {
        data: pageData,
        onLoad: function () {
            // Check if the user has already authorized.
            wx.getSetting({
                success (res) {
                    if (res.authSetting['scope.userInfo']) {
                        // Already authorized, can directly call getUserInfo to get user profile photo and nickname.
                        wx.getUserInfo({
                            success: function (res) {
                                console.log(res.userInfo);
                                showUser(res.userInfo, 'Already authorized: read with wx.getUserInfo');
                            }
                        });
                    }
                }
            });
        },
        bindGetUserInfo (e, print) {
            console.log(e.detail.userInfo);
            const ok = e.detail && typeof e.detail.errMsg === 'string' && /:ok$/.test(e.detail.errMsg);
            if (ok && e.detail.userInfo)
                showUser(e.detail.userInfo, 'Authorized with the getUserInfo button');
            else if (!userShown)
                document.getElementById('usercard-desc').textContent = 'Not authorized: tap “Login authorization” to ask again';
            print(ok ? 'ok' : 'fail', e.detail, 'bindgetuserinfo  e.detail');
        }
    };

    // --- wiring -----------------------------------------------------------------

    function labelOf(button) {
        const cell = button.closest('.cell');
        const title = cell && cell.querySelector('.cell__title');
        if (button.dataset.action === 'openTypeGetUserInfo')
            return "wx['openType.getUserInfo']()";
        if (button.dataset.action === 'authorize')
            return 'wx.authorize ' + button.dataset.scope;
        if (button.dataset.action === 'requestSubscribeMessage')
            return "tmplIds ['" + button.dataset.tmplIds.split(',').join("', '") + "']";
        return title ? title.textContent.trim() : button.dataset.action;
    }

    function onClick(event) {
        const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
        if (!button || button.disabled)
            return;
        const action = actions[button.dataset.action];
        if (!action)
            return;
        const print = startRun(button, labelOf(button));
        // Synchronously, inside the tap handler: the wx call carries the gesture.
        try {
            if (!wxAvailable)
                throw new Error('wx is not available: open this page in mpsim');
            action(button, print);
        } catch (e) {
            print('fail', { errMsg: String(e && e.message ? e.message : e) });
        }
    }

    function init() {
        // Delegated on document: runs before page-bridge.js's window-level
        // listener that ends the tap's gesture.
        document.addEventListener('click', onClick);

        renderAccount(accountInfo, accountInfoError);

        if (wxAvailable && !pageData.canIUse) {
            // <view wx:else>Please upgrade the host client version.</view>
            const area = document.getElementById('userinfo-button-area');
            const note = document.createElement('div');
            note.className = 'btn-area__note';
            note.textContent = 'Please upgrade the host client version.';
            area.replaceChildren(note);
            document.getElementById('usercard-desc').textContent = 'This host has no getUserInfo button';
        }

        const emptyAvatar = document.getElementById('usercard-avatar');
        emptyAvatar.classList.add('avatar--empty');

        if (!wxAvailable) {
            document.getElementById('no-wx-banner').hidden = false;
            document.querySelectorAll('button[data-action]').forEach(function (b) { b.disabled = true; });
            document.getElementById('account-note').textContent = 'Not available without wx';
            return;
        }
        page.onLoad();
    }

    if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', init);
    else
        init();
})();
