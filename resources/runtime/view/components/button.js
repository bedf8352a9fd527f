/*
 * mpsim view: <button>, with form-type and the open-type abilities.
 *
 * open-type getUserInfo / openSetting go to the host through `wx` (the host
 * shows its popup; a real click carries the user gesture, see page-bridge.js).
 * The other open types are stubs: they fire the event a device would fire
 * with a simulator answer, and say on the console what a device would do.
 */

import { SAMPLE_AVATAR, WxElement, closestComposed, define, h, hoverDefaults, services, targetInfo, toStr,
    walkComposed } from './base.js';

function wxApi(name) {
    const wx = window.wx;
    const fn = wx ? wx[name] : undefined;
    return typeof fn === 'function' ? fn : null;
}

export class WxButton extends WxElement {
    static wxReflect = ['type', 'size', 'plain', 'disabled', 'loading', 'form-type', 'open-type'];
    static wxBooleans = ['plain', 'disabled', 'loading'];

    wxInit() {
        const root = this.wxShadow();
        this._spinner = h('i', 'wx-button-loading');
        this._spinner.hidden = true;
        root.append(this._spinner, h('slot'));
        this.setAttribute('role', 'button');
        this.wxHover(hoverDefaults('button-hover', 20, 70));
        this.addEventListener('click', (event) => this._clicked(event));
    }

    wxUpdate() {
        this._spinner.hidden = !this.wxBool('loading');
        this.setAttribute('aria-disabled', String(this.wxBool('disabled')));
    }

    // A <label> (or a test) activates the button as a tap would.
    wxActivate() {
        this._clicked({ isTrusted: false });
    }

    _clicked(event) {
        if (this.wxBool('disabled'))
            return;
        const formType = toStr(this.wxProp('form-type'));
        if (formType === 'submit' || formType === 'reset') {
            const form = closestComposed(this, 'wx-form');
            if (form && typeof form.wxSubmit === 'function') {
                if (formType === 'submit')
                    form.wxSubmit(this);
                else
                    form.wxReset();
            }
        }
        const openType = toStr(this.wxProp('open-type'));
        if (openType)
            this._openType(openType, event);
    }

    _openType(openType, event) {
        const say = (what) => console.info('[mpsim] <button open-type="' + openType + '">: ' + what);
        switch (openType) {
        case 'getUserInfo': {
            // The host decides: a trusted click carries the gesture, a
            // scripted one is refused by the host like any wx call without it.
            const ask = wxApi('openType.getUserInfo');
            if (!ask) {
                this.wxEmit('getuserinfo', { errMsg: 'getUserInfo:fail the host has no getUserInfo button' });
                return;
            }
            const fire = (result) => this.wxEmit('getuserinfo', result);
            const lang = toStr(this.wxProp('lang'), 'en') || 'en';
            ask.call(window.wx, { lang: lang, success: fire, fail: fire });
            if (!event.isTrusted)
                say('the click was not a user gesture; the host may refuse it');
            return;
        }
        case 'openSetting': {
            const open = wxApi('openSetting');
            if (!open)
                return;
            const fire = (result) => this.wxEmit('opensetting', {
                authSetting: result && result.authSetting || {}, errMsg: result && result.errMsg || 'openSetting:fail' });
            open.call(window.wx, { success: fire, fail: fire });
            return;
        }
        case 'contact':
            say('a device opens the customer service chat (session-from "' + toStr(this.wxProp('session-from')) + '")');
            this.wxEmit('contact', { errMsg: 'enterContact:ok', path: toStr(this.wxProp('send-message-path')), query: {} });
            return;
        case 'share':
            services.share(this, targetInfo(this));
            return;
        case 'getPhoneNumber':
            say('a device asks the user to share the bound phone number');
            this.wxEmit('getphonenumber', { errMsg: 'getPhoneNumber:fail not supported in the simulator' });
            return;
        case 'getRealtimePhoneNumber':
            say('a device asks the user to share the bound phone number');
            this.wxEmit('getrealtimephonenumber', { errMsg: 'getRealtimePhoneNumber:fail not supported in the simulator' });
            return;
        case 'chooseAvatar':
            say('a device offers the WeChat avatar, the album and the camera; the simulator answers with a sample picture');
            this.wxEmit('chooseavatar', { avatarUrl: SAMPLE_AVATAR });
            return;
        case 'feedback':
            say('a device opens the feedback page');
            return;
        case 'launchApp':
            say('a device opens the app given by app-parameter when the scene allows it');
            this.wxEmit('error', { errMsg: 'launchApp:fail not supported in the simulator' });
            return;
        case 'agreePrivacyAuthorization':
            say('a device records that the user agreed to the privacy policy');
            this.wxEmit('agreeprivacyauthorization', { errMsg: 'agreePrivacyAuthorization:ok', buttonId: this.id || '' });
            return;
        case 'openGroupProfile':
        case 'openGuildProfile':
        case 'liveActivity':
            say('not available in the simulator');
            return;
        default:
            console.warn('[mpsim] <button>: unknown open-type "' + openType + '"');
        }
    }
}

// --- form ------------------------------------------------------------------------

function isField(element) {
    return element instanceof WxElement && typeof element.wxFormValue === 'function';
}

export class WxForm extends WxElement {
    // Every named field below the form (not the ones inside a nested form),
    // including those inside custom components.
    _fields() {
        const fields = [];
        walkComposed(this, function (element) {
            if (isField(element))
                fields.push(element);
        }, function (element) {
            return element.localName === 'wx-form' || isField(element);
        });
        return fields;
    }

    wxSubmit(submitter) {
        const value = {};
        this._fields().forEach(function (field) {
            const name = field.wxFormName();
            if (name)
                value[name] = field.wxFormValue();
        });
        const detail = { value: value, target: targetInfo(submitter || this) };
        if (this.wxBool('report-submit'))
            detail.formId = 'the formId is a mock one';
        this.wxEmit('submit', detail);
        return detail;
    }

    wxReset() {
        this._fields().forEach(function (field) { field.wxFormReset(); });
        this.wxEmit('reset', {});
    }

    // form.submit() / form.reset() as on the platform's component instance.
    submit() { return this.wxSubmit(this); }
    reset() { this.wxReset(); }
}

export function defineButton() {
    define('wx-button', WxButton);
    define('wx-form', WxForm);
}
