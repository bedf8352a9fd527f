/*
 * mpsim view: image, cover-image, rich-text and open-data.
 */

import { SAMPLE_AVATAR, WxElement, define, services, sheetFor, toStr, h } from './base.js';

// Where an image's src points. view.js may provide services.resolveUrl to map
// project paths ("/images/a.png", "../a.png") to mpsim://project/...; without
// it the src is used as the page resolves it.
function resolveSrc(src, element) {
    if (typeof services.resolveUrl === 'function') {
        try {
            return services.resolveUrl(src, element);
        } catch (e) {
            return src;
        }
    }
    return src;
}

// --- image ----------------------------------------------------------------------

// mode -> [background-size, background-position]
const MODES = {
    scaleToFill: ['100% 100%', '0% 0%'],
    aspectFit: ['contain', 'center center'],
    aspectFill: ['cover', 'center center'],
    widthFix: ['100% 100%', '0% 0%'],
    heightFix: ['100% 100%', '0% 0%'],
    top: ['auto auto', 'center top'],
    bottom: ['auto auto', 'center bottom'],
    center: ['auto auto', 'center center'],
    left: ['auto auto', 'left center'],
    right: ['auto auto', 'right center'],
    'top left': ['auto auto', 'left top'],
    'top right': ['auto auto', 'right top'],
    'bottom left': ['auto auto', 'left bottom'],
    'bottom right': ['auto auto', 'right bottom']
};

export class WxImage extends WxElement {
    static wxReflect = ['mode'];

    wxInit() {
        const root = this.wxShadow();
        this._box = h('div', 'wx-image-box');
        this._img = h('img', 'wx-image-probe');
        this._img.alt = '';
        this._img.draggable = false;
        this._img.addEventListener('load', () => this._loaded());
        this._img.addEventListener('error', () => this._failed());
        root.append(this._box, this._img);
        this._natural = null;
        this._resize = new ResizeObserver(() => this._fix());
    }

    wxConnected() {
        this._resize.observe(this);
    }

    wxDisconnected() {
        this._resize.disconnect();
    }

    wxUpdate(changed) {
        const mode = MODES[toStr(this.wxProp('mode'))] ? toStr(this.wxProp('mode')) : 'scaleToFill';
        this._box.style.backgroundSize = MODES[mode][0];
        this._box.style.backgroundPosition = MODES[mode][1];
        if (changed.has('src')) {
            const src = toStr(this.wxProp('src')).trim();
            this._natural = null;
            this._box.style.backgroundImage = '';
            if (src) {
                this._url = resolveSrc(src, this);
                this._img.src = this._url;
            } else {
                this._img.removeAttribute('src');
            }
        }
        this._fix();
    }

    // The renderer sets the style attribute on every pass; widthFix /
    // heightFix put their computed size back after it.
    wxFlush() {
        super.wxFlush();
        this._fix();
    }

    _loaded() {
        this._natural = { width: this._img.naturalWidth, height: this._img.naturalHeight };
        this._box.style.backgroundImage = 'url("' + this._img.src.replace(/["\\\n]/g, encodeURIComponent) + '")';
        this._fix();
        this.wxEmit('load', { width: this._natural.width, height: this._natural.height });
    }

    _failed() {
        if (!this._img.getAttribute('src'))
            return;
        this.wxEmit('error', { errMsg: 'GET ' + toStr(this.wxProp('src')) + ' failed: the image could not be loaded' });
    }

    _fix() {
        const mode = toStr(this.wxProp('mode'));
        if (mode !== 'widthFix' && mode !== 'heightFix') {
            if (this._fixed) {
                this.style.removeProperty(this._fixed);
                this._fixed = null;
            }
            return;
        }
        if (!this._natural || !this._natural.width || !this._natural.height)
            return;
        const ratio = this._natural.height / this._natural.width;
        if (mode === 'widthFix') {
            const height = (this.clientWidth * ratio) + 'px';
            if (this.style.height !== height)
                this.style.setProperty('height', height);
            this._fixed = 'height';
        } else {
            const width = (this.clientHeight / ratio) + 'px';
            if (this.style.width !== width)
                this.style.setProperty('width', width);
            this._fixed = 'width';
        }
    }
}

export class WxCoverImage extends WxElement {
    wxInit() {
        this._img = h('img', 'wx-cover-image-img');
        this._img.alt = '';
        this._img.addEventListener('load', () => this.wxEmit('load', {
            width: this._img.naturalWidth, height: this._img.naturalHeight }));
        this._img.addEventListener('error', () => {
            if (this._img.getAttribute('src'))
                this.wxEmit('error', { errMsg: 'GET ' + toStr(this.wxProp('src')) + ' failed' });
        });
        this.wxShadow().append(this._img);
    }

    wxUpdate(changed) {
        if (!changed.has('src'))
            return;
        const src = toStr(this.wxProp('src')).trim();
        if (src)
            this._img.src = resolveSrc(src, this);
        else
            this._img.removeAttribute('src');
    }
}

// --- rich-text ----------------------------------------------------------------------

// The platform's trusted tags; anything else is dropped with its content.
const TAGS = new Set(('a abbr address article aside b bdi bdo big blockquote br caption center cite code col '
    + 'colgroup dd del div dl dt em fieldset font footer h1 h2 h3 h4 h5 h6 header hr i img ins label legend li '
    + 'mark nav ol p pre q rt ruby s section small span strong sub sup table tbody td tfoot th thead tr tt u ul').split(' '));

const GLOBAL_ATTRS = new Set(['class', 'style', 'dir', 'title', 'lang']);
const TAG_ATTRS = {
    img: ['src', 'alt', 'width', 'height'],
    col: ['span', 'width'], colgroup: ['span', 'width'],
    td: ['colspan', 'rowspan', 'height', 'width', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'height', 'width', 'align', 'valign'],
    table: ['width', 'border', 'cellpadding', 'cellspacing', 'align', 'frame', 'rules'],
    tr: ['align', 'valign'], tbody: ['align', 'valign'], thead: ['align', 'valign'], tfoot: ['align', 'valign'],
    ol: ['start', 'type', 'reversed'], ul: ['type'], li: ['value'],
    font: ['color', 'face', 'size'], q: ['cite'], blockquote: ['cite'], del: ['datetime'], ins: ['datetime'],
    bdo: ['dir'], div: ['align'], p: ['align'], h1: ['align'], h2: ['align'], h3: ['align'], h4: ['align'],
    h5: ['align'], h6: ['align'], caption: ['align'], hr: ['align', 'size', 'width']
};

function safeUrl(value) {
    // Control characters and spaces inside a scheme are how "java\nscript:" sneaks past.
    const compact = String(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
    if (/^(javascript|vbscript|file):|^data:(?!image\/)/.test(compact))
        return null;
    return String(value);
}

function safeStyle(value) {
    const compact = String(value).toLowerCase().replace(/\s+/g, '').replace(/\\/g, '');
    if (/expression\(|javascript:|vbscript:|behavior:|-moz-binding|url\((['"]?)(javascript|vbscript|data:text)/.test(compact))
        return null;
    return String(value);
}

function allowedAttr(tag, name) {
    return GLOBAL_ATTRS.has(name) || (TAG_ATTRS[tag] && TAG_ATTRS[tag].includes(name));
}

function buildElement(tag, attrs, document_) {
    const element = document_.createElement(tag);
    Object.keys(attrs).forEach(function (rawName) {
        const name = rawName.toLowerCase();
        const value = attrs[rawName];
        if (name.startsWith('on') || !allowedAttr(tag, name) || value === null || value === undefined)
            return;
        let text = String(value);
        if (name === 'src' || name === 'cite')
            text = safeUrl(text);
        else if (name === 'style')
            text = safeStyle(text);
        if (text !== null)
            element.setAttribute(name, text);
    });
    return element;
}

// An HTML string -> trusted DOM (parsed inert, rebuilt node by node).
function fromHtml(html, out) {
    const parsed = new DOMParser().parseFromString('<body>' + html, 'text/html');
    copyChildren(parsed.body, out);
}

function copyChildren(from, to) {
    from.childNodes.forEach(function (node) {
        if (node.nodeType === Node.TEXT_NODE) {
            to.append(document.createTextNode(node.data));
        } else if (node.nodeType === Node.ELEMENT_NODE) {
            const tag = node.localName;
            if (!TAGS.has(tag))
                return;
            const attrs = {};
            Array.from(node.attributes).forEach(function (a) { attrs[a.name] = a.value; });
            const element = buildElement(tag, attrs, document);
            copyChildren(node, element);
            to.append(element);
        }
    });
}

// A node array -> trusted DOM.
function fromNodes(nodes, out, depth) {
    if (depth > 64)
        return;
    (Array.isArray(nodes) ? nodes : [nodes]).forEach(function (node) {
        if (!node || typeof node !== 'object')
            return;
        if (node.type === 'text') {
            out.append(document.createTextNode(toStr(node.text)));
            return;
        }
        const tag = toStr(node.name).toLowerCase();
        if (!TAGS.has(tag))
            return;
        const element = buildElement(tag, node.attrs && typeof node.attrs === 'object' ? node.attrs : {}, document);
        if (node.children)
            fromNodes(node.children, element, depth + 1);
        out.append(element);
    });
}

export function sanitizeRichText(nodes) {
    const fragment = document.createDocumentFragment();
    if (typeof nodes === 'string')
        fromHtml(nodes, fragment);
    else if (nodes && typeof nodes === 'object')
        fromNodes(nodes, fragment, 0);
    return fragment;
}

// Rendered in its own shadow root, which also adopts the page's (or
// component's) stylesheets, so classes in the nodes use the page's WXSS as on
// a device.
export class WxRichText extends WxElement {
    wxInit() {
        this.wxShadow();
        this._content = h('div', 'wx-rich-text-content');
    }

    wxConnected() {
        this._adoptStyles();
    }

    wxUpdate(changed) {
        this._adoptStyles();
        if (!changed.has('nodes') && !changed.has('space'))
            return;
        const fragment = sanitizeRichText(this.wxProp('nodes'));
        const space = toStr(this.wxProp('space'));
        if (space) {
            const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
            const map = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00a0' };
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (map[space])
                    node.data = node.data.replace(/ /g, map[space]);
            }
        }
        this._content.replaceChildren(fragment);
        this.shadowRoot.replaceChildren(this._content);
    }

    _adoptStyles() {
        const root = this.getRootNode();
        const page = root && root.adoptedStyleSheets ? Array.from(root.adoptedStyleSheets) : [];
        const own = [sheetFor('internal.css')].concat(page.filter((s) => s !== sheetFor('internal.css')));
        const current = this.shadowRoot.adoptedStyleSheets;
        if (current.length !== own.length || current.some((s, i) => s !== own[i]))
            this.shadowRoot.adoptedStyleSheets = own;
    }
}

// --- open-data ------------------------------------------------------------------------

const GENDERS = {
    en: ['Unknown', 'Male', 'Female'],
    zh_CN: ['未知', '男', '女'],
    zh_TW: ['未知', '男', '女']
};
const LANGUAGES = { en: 'English', zh_CN: '简体中文', zh_TW: '繁體中文' };

function hostUser() {
    try {
        const snapshot = typeof window.__mpsimSnapshot === 'function' ? window.__mpsimSnapshot() : null;
        return snapshot && snapshot.hostUser && typeof snapshot.hostUser === 'object' ? snapshot.hostUser : null;
    } catch (e) {
        return null;
    }
}

// Open data shows the host user with no authorization. It follows the host's
// snapshot: re-read on every update and every two seconds while shown.
const openDataElements = new Set();
let openDataTimer = 0;

export class WxOpenData extends WxElement {
    static wxReflect = ['type'];

    wxInit() {
        this.wxShadow();
    }

    wxConnected() {
        openDataElements.add(this);
        if (!openDataTimer)
            openDataTimer = setInterval(function () {
                openDataElements.forEach(function (element) { element._render(); });
            }, 2000);
        this._render();
    }

    wxDisconnected() {
        openDataElements.delete(this);
        if (openDataElements.size === 0) {
            clearInterval(openDataTimer);
            openDataTimer = 0;
        }
    }

    wxUpdate() {
        this._shown = undefined;
        this._render();
    }

    _render() {
        const user = hostUser() || {};
        const type = toStr(this.wxProp('type'));
        const lang = GENDERS[toStr(this.wxProp('lang'))] ? toStr(this.wxProp('lang')) : 'en';
        let content;
        if (type === 'userAvatarUrl') {
            content = { avatar: toStr(user.avatarUrl) || toStr(this.wxProp('default-avatar')) };
        } else {
            let text;
            switch (type) {
            case 'userNickName': text = toStr(user.nickName); break;
            case 'userGender': text = GENDERS[lang][Number(user.gender) || 0] || GENDERS[lang][0]; break;
            case 'userCity': text = toStr(user.city); break;
            case 'userProvince': text = toStr(user.province); break;
            case 'userCountry': text = toStr(user.country); break;
            case 'userLanguage': text = LANGUAGES[lang]; break;
            default: text = '';
            }
            content = { text: text || toStr(this.wxProp('default-text')) };
        }
        const key = JSON.stringify(content);
        if (key === this._shown)
            return;
        this._shown = key;
        if (content.avatar !== undefined) {
            if (!content.avatar) {
                this.shadowRoot.replaceChildren();
                return;
            }
            const img = h('img', 'wx-open-data-avatar');
            img.alt = '';
            img.addEventListener('error', function () {
                if (img.src !== SAMPLE_AVATAR)
                    img.src = SAMPLE_AVATAR;
            });
            img.src = resolveSrc(content.avatar, this);
            this.shadowRoot.replaceChildren(img);
        } else {
            this.shadowRoot.replaceChildren(document.createTextNode(content.text));
        }
    }
}

export function defineMedia() {
    define('wx-image', WxImage);
    define('wx-cover-image', WxCoverImage);
    define('wx-rich-text', WxRichText);
    define('wx-open-data', WxOpenData);
}
