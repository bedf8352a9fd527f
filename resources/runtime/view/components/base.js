/*
 * mpsim view: the base class of the built-in components and the helpers they
 * share.
 *
 * WxElement keeps the WXML properties the renderer hands over with
 * wxSet(name, value) (names normalised to kebab-case: "openType" and
 * "open-type" are the same property) and applies them in wxFlush(), which the
 * renderer calls once after a render pass. A wxSet without a wxFlush still
 * takes effect, on the next microtask.
 *
 * Subclasses declare
 *   static wxReflect  property names reflected as DOM attributes (for CSS)
 *   static wxBooleans property names that are booleans (reflected as "")
 * and override wxUpdate(changed) (changed = Set of property names), called
 * with every property the first time the element is connected.
 */

import { emit } from '../events.js';
import { kebab } from '../names.js';
import { services } from '../services.js';

export { emit, services };

// A grey silhouette: chooseAvatar's sample answer, and what open-data shows
// when the host user's avatar does not load.
export const SAMPLE_AVATAR = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#d8d8d8"/>'
    + '<circle cx="32" cy="25" r="12" fill="#fff"/><path d="M10 60c2-13 11-20 22-20s20 7 22 20z" fill="#fff"/></svg>');

// --- value coercion, as the platform does it --------------------------------

// A Boolean property: a non-empty string (even "false") is true.
export function toBool(value) {
    if (typeof value === 'string')
        return value.length > 0;
    return Boolean(value);
}

export function toNumber(value, fallback) {
    if (value === null || value === undefined || value === '' || typeof value === 'boolean')
        return fallback;
    const number = Number(value);
    return Number.isFinite(number) ? number : fallback;
}

export function toStr(value, fallback) {
    if (value === null || value === undefined || value === true || value === false)
        return fallback === undefined ? '' : fallback;
    return String(value);
}

// A CSS length from a property: 23 -> "23px", "40rpx" -> px of the device
// width, "2em" as is.
export function toLength(value, fallback) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value + 'px';
    const text = toStr(value).trim();
    if (text === '')
        return fallback;
    if (/^-?\d+(\.\d+)?$/.test(text))
        return text + 'px';
    const rpx = /^(-?\d+(?:\.\d+)?)rpx$/.exec(text);
    if (rpx)
        return (Number(rpx[1]) * rpxRatio()) + 'px';
    return text;
}

// A length in px (numbers, "12px", "24rpx"), for geometry.
export function toPx(value, fallback) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : fallback;
    const text = toStr(value).trim();
    const match = /^(-?\d+(?:\.\d+)?)(px|rpx)?$/.exec(text);
    if (!match)
        return fallback;
    return match[2] === 'rpx' ? Number(match[1]) * rpxRatio() : Number(match[1]);
}

function rpxRatio() {
    let width = 375;
    try {
        width = Number(services.device().windowWidth) || 375;
    } catch (e) { /* the default device */ }
    return width / 750;
}

// --- styles -------------------------------------------------------------------

// The text of a CSS file next to this module, loaded once at module load
// (index.js awaits it, so the sheets are ready when the elements are). An
// asynchronous XHR: Qt WebEngine's fetch() refuses custom schemes before Qt
// 6.6, and a synchronous XHR on the main thread is deprecated.
const cssTexts = new Map();

export function preloadCss(fileName) {
    if (cssTexts.has(fileName))
        return Promise.resolve();
    return new Promise(function (resolve) {
        const done = function (text, problem) {
            cssTexts.set(fileName, text);
            if (problem)
                console.error('[mpsim] could not load ' + fileName + ': ' + problem);
            resolve();
        };
        const request = new XMLHttpRequest();
        request.open('GET', new URL('./' + fileName, import.meta.url).href);
        request.onload = function () {
            if (request.status === 200 || (request.status === 0 && request.responseText))
                done(request.responseText, null);
            else
                done('', 'status ' + request.status);
        };
        request.onerror = function () { done('', 'network error'); };
        request.send();
    });
}

const sheets = new Map();

export function sheetFor(fileName) {
    let sheet = sheets.get(fileName);
    if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(cssTexts.get(fileName) || '');
        sheets.set(fileName, sheet);
    }
    return sheet;
}

// The declarations of the rules for `.className` (each class of a
// space-separated list) in the stylesheets of `element`'s root (page or
// component): how *-class properties (placeholder-class, indicator-class)
// reach the internals of a built-in.
export function classDeclarations(element, classNames) {
    const names = toStr(classNames).trim();
    if (!names)
        return '';
    const wanted = names.split(/\s+/).map(function (c) { return '.' + c; });
    const root = element.getRootNode();
    const sheetList = [].concat(Array.from(root.styleSheets || []), Array.from(root.adoptedStyleSheets || []));
    let css = '';
    sheetList.forEach(function (sheet) {
        let rules;
        try {
            rules = sheet.cssRules;
        } catch (e) {
            return;
        }
        Array.from(rules).forEach(function (rule) {
            if (rule.selectorText && rule.selectorText.split(',').some(function (s) { return wanted.includes(s.trim()); }))
                css += rule.style.cssText;
        });
    });
    return css;
}

// --- DOM helpers ----------------------------------------------------------------

export function h(tag, className, children) {
    const node = document.createElement(tag);
    if (className)
        node.className = className;
    (children || []).forEach(function (child) {
        node.append(child);
    });
    return node;
}

// The parent in the composed tree as the mini-program sees it: a shadow
// root leads to its host (a custom component), so a button inside a custom
// component inside a <form> finds the form.
export function composedParent(node) {
    if (node.parentNode instanceof ShadowRoot)
        return node.parentNode.host;
    return node.parentNode;
}

export function closestComposed(node, tagName) {
    const upper = tagName.toUpperCase();
    for (let current = composedParent(node); current; current = composedParent(current)) {
        if (current.nodeType === Node.ELEMENT_NODE && current.tagName === upper)
            return current;
    }
    return null;
}

// Every element below `root` in document order, going into the shadow roots
// of custom components (hosts the renderer made: __componentPath) but not into the
// internals of built-ins. `stop(element)` true skips an element's subtree.
export function walkComposed(root, visit, stop) {
    const children = root.children || [];
    for (let i = 0; i < children.length; ++i) {
        const child = children[i];
        visit(child);
        if (stop && stop(child))
            continue;
        walkComposed(child, visit, stop);
        if (child.shadowRoot && child.__componentPath !== undefined)
            walkComposed(child.shadowRoot, visit, stop);
    }
}

// The small target description the platform puts in some event details; the
// dataset is the WXML data-* the renderer keeps (DOM data-* on a test page).
export function targetInfo(element) {
    const vnode = element.__vnode;
    return {
        id: element.id || '',
        offsetLeft: element.offsetLeft || 0,
        offsetTop: element.offsetTop || 0,
        dataset: Object.assign({}, vnode && vnode.dataset ? vnode.dataset : element.dataset)
    };
}

// --- hover-class ------------------------------------------------------------------

// Events whose hover was already claimed by an element with
// hover-stop-propagation (the event keeps bubbling for everything else).
const hoverStopped = new WeakSet();

// hover-class on `element`: a built-in (WxElement) or a plain view
// (basic.js); both keep their WXML properties in element._wxProps.
class Hover {
    constructor(element, defaults) {
        this.element = element;
        this.defaults = defaults;
        this.applied = null;
        this.startTimer = 0;
        this.stayTimer = 0;
        this.origin = null;
        this.onDown = this.onDown.bind(this);
        this.onMove = this.onMove.bind(this);
        this.onUp = this.onUp.bind(this);
        element.addEventListener('pointerdown', this.onDown);
    }

    prop(name) {
        const props = this.element._wxProps;
        return props ? props[name] : undefined;
    }

    disabled() {
        return typeof this.element.wxHoverDisabled === 'function' && this.element.wxHoverDisabled();
    }

    className() {
        const value = this.prop('hover-class');
        const name = value === undefined ? this.defaults.hoverClass : toStr(value, this.defaults.hoverClass);
        return name === 'none' ? '' : name.trim();
    }

    onDown(event) {
        if (event.button !== 0 || hoverStopped.has(event) || this.disabled())
            return;
        const name = this.className();
        if (!name)
            return;
        if (toBool(this.prop('hover-stop-propagation')))
            hoverStopped.add(event);
        this.origin = { x: event.clientX, y: event.clientY };
        clearTimeout(this.stayTimer);
        clearTimeout(this.startTimer);
        const start = toNumber(this.prop('hover-start-time'), this.defaults.startTime);
        this.startTimer = setTimeout(() => this.apply(name), start);
        window.addEventListener('pointermove', this.onMove, true);
        window.addEventListener('pointerup', this.onUp, true);
        window.addEventListener('pointercancel', this.onUp, true);
    }

    onMove(event) {
        if (this.origin && Math.hypot(event.clientX - this.origin.x, event.clientY - this.origin.y) > 10)
            this.end(0);
    }

    onUp() {
        this.end(toNumber(this.prop('hover-stay-time'), this.defaults.stayTime));
    }

    end(stay) {
        this.origin = null;
        clearTimeout(this.startTimer);
        window.removeEventListener('pointermove', this.onMove, true);
        window.removeEventListener('pointerup', this.onUp, true);
        window.removeEventListener('pointercancel', this.onUp, true);
        // A tap shorter than hover-start-time still shows the hover briefly.
        if (!this.applied && stay > 0) {
            const name = this.className();
            if (name)
                this.apply(name);
        }
        clearTimeout(this.stayTimer);
        this.stayTimer = setTimeout(() => this.remove(), stay);
    }

    apply(name) {
        this.remove();
        this.applied = name.split(/\s+/).filter(Boolean);
        this.element.classList.add.apply(this.element.classList, this.applied);
    }

    remove() {
        if (this.applied)
            this.element.classList.remove.apply(this.element.classList, this.applied);
        this.applied = null;
    }
}

// --- the base class -------------------------------------------------------------------

export class WxElement extends HTMLElement {
    constructor() {
        super();
        this._wxProps = Object.create(null);
        this._wxChanged = new Set();
        this._wxScheduled = false;
        this._wxStarted = false;
    }

    // The renderer's entry point: one WXML attribute.
    wxSet(name, value) {
        const key = kebab(name);
        if (Object.prototype.hasOwnProperty.call(this._wxProps, key) && sameValue(this._wxProps[key], value))
            return;
        this._wxProps[key] = value;
        this._wxChanged.add(key);
        if (!this._wxScheduled) {
            this._wxScheduled = true;
            // Unless the renderer's wxFlush came first.
            queueMicrotask(() => {
                if (this._wxScheduled)
                    this.wxFlush();
            });
        }
    }

    wxProp(name) {
        return this._wxProps[name];
    }

    wxBool(name) {
        return toBool(this._wxProps[name]);
    }

    wxFlush() {
        this._wxScheduled = false;
        if (!this._wxStarted)
            this._wxStart();
        const changed = this._wxChanged;
        this._wxChanged = new Set();
        changed.forEach((name) => this._wxReflect(name));
        try {
            this.wxUpdate(changed);
        } catch (e) {
            console.error('[mpsim] <' + this.localName.slice(3) + '>: ' + (e && e.stack || e));
        }
    }

    connectedCallback() {
        if (!this._wxStarted)
            this.wxFlush();
        this.wxConnected();
    }

    disconnectedCallback() {
        this.wxDisconnected();
    }

    // Hooks for subclasses.
    wxUpdate(changed) { /* eslint-disable-line no-unused-vars */ }
    wxConnected() {}
    wxDisconnected() {}
    wxHoverDisabled() { return this.wxBool('disabled'); }

    // An element written in HTML (a test page) gets its attributes as WXML
    // properties, once, before the first update.
    _wxStart() {
        this._wxStarted = true;
        const reserved = /^(class|style|id|hidden|slot|data-.*)$/;
        for (const attribute of Array.from(this.attributes)) {
            const key = kebab(attribute.name);
            if (reserved.test(attribute.name) || key in this._wxProps)
                continue;
            this._wxProps[key] = attribute.value === '' ? true : attribute.value;
            this._wxChanged.add(key);
        }
        Object.keys(this._wxProps).forEach((key) => this._wxChanged.add(key));
        this.wxInit();
    }

    // Called once, before the first wxUpdate.
    wxInit() {}

    _wxReflect(name) {
        const ctor = this.constructor;
        if (!ctor.wxReflect || !ctor.wxReflect.includes(name))
            return;
        reflectProp(this, name, this._wxProps[name], Boolean(ctor.wxBooleans && ctor.wxBooleans.includes(name)));
    }

    wxShadow(options) {
        return internalShadow(this, options);
    }

    wxHover(defaults) {
        return attachHover(this, defaults);
    }

    wxEmit(type, detail, options) {
        emit(this, type, detail, options);
    }
}

function sameValue(a, b) {
    if (a === b)
        return a !== 0 || 1 / a === 1 / b;
    // Arrays and objects come fresh from every render: compare by content.
    if (a && b && typeof a === 'object' && typeof b === 'object') {
        try {
            return JSON.stringify(a) === JSON.stringify(b);
        } catch (e) {
            return false;
        }
    }
    return a !== a && b !== b; // NaN
}

// Shows the WXML property `name` as a DOM attribute (for CSS): a boolean one
// is present or not, another one carries its value (absent when empty).
export function reflectProp(element, name, value, boolean) {
    if (boolean) {
        element.toggleAttribute(name, toBool(value));
    } else if (value === undefined || value === null || value === false || value === '') {
        element.removeAttribute(name);
    } else if (typeof value !== 'object') {
        element.setAttribute(name, value === true ? '' : String(value));
    }
}

// `element`'s own shadow root with the internal stylesheet (made once).
export function internalShadow(element, options) {
    if (element.shadowRoot)
        return element.shadowRoot;
    const root = element.attachShadow(Object.assign({ mode: 'open' }, options || {}));
    root.adoptedStyleSheets = [sheetFor('internal.css')];
    return root;
}

// Gives `element` its hover-class behaviour (once).
export function attachHover(element, defaults) {
    if (!element._wxHover)
        element._wxHover = new Hover(element, defaults);
    return element._wxHover;
}

// A view-like container with hover-class (view, cover-view, movable-view...).
export function hoverDefaults(hoverClass, startTime, stayTime) {
    return { hoverClass: hoverClass, startTime: startTime, stayTime: stayTime };
}

export function define(name, ctor) {
    if (!customElements.get(name))
        customElements.define(name, ctor);
}
