/*
 * mpsim view: the basic built-ins: view, text, block (plain elements, see
 * below), navigator, icon, progress, cover-view, movable-area / movable-view.
 */

import { WxElement, attachHover, define, hoverDefaults, internalShadow, reflectProp, services, toBool, toLength,
    toNumber, toPx, toStr, h } from './base.js';
import { kebab, lightTags } from '../names.js';

export { lightTags };

// --- view, text, block: plain elements -------------------------------------------
//
// Pages render these by the thousand (a list row is a view with texts in it),
// and a defined custom element costs about four times a plain one to create,
// connect and remove (docs/BENCHMARKS.md, "setData replace"). So these three
// are not custom elements: <wx-view> is a plain HTMLElement that builtin.css
// styles, and what they do beyond that is applied by setLightProps(), which
// the renderer calls when their WXML properties change:
//   view   hover-class, hover-stop-propagation, hover-start-time, hover-stay-time
//   text   selectable, user-select, space, decode (reflected for CSS; decode
//          and space transform the text through a shadow root)
//   block  nothing (display: contents)
// (lightTags, in names.js, lists them.)

// Sets every WXML property of the light element `element` (<wx-`tag`>):
// `props` is { name: value } with names in either case ("hoverClass" or
// "hover-class"); a property left out is unset.
export function setLightProps(element, tag, props) {
    const normalized = Object.create(null);
    for (const name in props)
        normalized[kebab(name)] = props[name];
    element._wxProps = normalized;
    if (tag === 'view')
        updateViewHover(element);
    else if (tag === 'text')
        updateText(element);
}

// A view's hover-class defaults to none: most views never need the pointer
// listener, so it is added only once a hover-class is set.
function updateViewHover(element) {
    if (!element._wxHover && toStr(element._wxProps['hover-class'], 'none').trim() !== 'none')
        attachHover(element, hoverDefaults('none', 50, 400));
}

const ENTITIES = {
    '&nbsp;': '\u00a0', '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': '\'',
    '&ensp;': '\u2002', '&emsp;': '\u2003', '&quot;': '"'
};
const SPACES = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00a0' };

export function decodeText(text) {
    return text.replace(/&(nbsp|lt|gt|amp|apos|ensp|emsp|quot);/g, function (entity) {
        return ENTITIES[entity];
    });
}

export function spaceText(text, space) {
    const replacement = SPACES[space];
    return replacement ? text.replace(/ /g, replacement) : text;
}

// Without `space` or `decode` a text's children show as they are (CSS keeps
// newlines: white-space: pre-line). With them, the children are shown through
// a shadow root: text nodes transformed, element children (nested <text>)
// slotted in place.
function updateText(element) {
    const props = element._wxProps;
    for (const name of ['selectable', 'user-select', 'decode'])
        reflectProp(element, name, props[name], true);
    reflectProp(element, 'space', props.space, false);
    const transform = toBool(props.decode) || Boolean(SPACES[toStr(props.space)]);
    if (transform && !element.shadowRoot) {
        internalShadow(element, { slotAssignment: 'manual' });
        new MutationObserver(() => renderText(element))
            .observe(element, { childList: true, characterData: true, subtree: true });
    }
    if (element.shadowRoot)
        renderText(element);
}

function renderText(element) {
    const root = element.shadowRoot;
    const decode = toBool(element._wxProps.decode);
    const space = toStr(element._wxProps.space);
    const out = [];
    const slotted = [];
    element.childNodes.forEach(function (child) {
        if (child.nodeType === Node.TEXT_NODE) {
            let text = child.data;
            if (decode)
                text = decodeText(text);
            out.push(document.createTextNode(spaceText(text, space)));
        } else if (child.nodeType === Node.ELEMENT_NODE) {
            const slot = document.createElement('slot');
            out.push(slot);
            slotted.push([slot, child]);
        }
    });
    root.replaceChildren.apply(root, out);
    // Assigned once in the tree: Chromium ignores an assignment made
    // before the slot is inserted.
    slotted.forEach(function (pair) { pair[0].assign(pair[1]); });
}

// --- navigator -------------------------------------------------------------------

const OPEN_TYPES = ['navigate', 'redirect', 'switchTab', 'reLaunch', 'navigateBack', 'exit'];

export class WxNavigator extends WxElement {
    wxInit() {
        this.wxHover(hoverDefaults('navigator-hover', 50, 600));
        this.addEventListener('click', () => this._go());
    }
    wxHoverDisabled() { return false; }

    _go() {
        const target = toStr(this.wxProp('target'), 'self');
        if (target === 'miniProgram') {
            const appId = toStr(this.wxProp('app-id'));
            console.info('[mpsim] <navigator target="miniProgram">: a device would open the mini-program '
                         + (appId || '(no app-id)') + ' at "' + toStr(this.wxProp('path')) + '"');
            const detail = { errMsg: 'navigateToMiniProgram:fail not supported in the simulator' };
            this.wxEmit('fail', detail);
            this.wxEmit('complete', detail);
            return;
        }
        let openType = toStr(this.wxProp('open-type'), 'navigate') || 'navigate';
        if (!OPEN_TYPES.includes(openType)) {
            console.warn('[mpsim] <navigator>: unknown open-type "' + openType + '", navigating');
            openType = 'navigate';
        }
        const request = { openType: openType };
        if (openType === 'navigateBack')
            request.delta = Math.max(1, toNumber(this.wxProp('delta'), 1));
        else if (openType !== 'exit')
            request.url = toStr(this.wxProp('url'));
        if (request.url === '') {
            console.warn('[mpsim] <navigator open-type="' + openType + '"> has no url');
            return;
        }
        services.navigate(request);
    }
}

// --- icon (WeUI glyphs) -----------------------------------------------------------------

const ICONS = {
    success: { color: '#07c160', circle: true, glyph: '<path d="M7 12.3l3.3 3.3L17.2 8.7" fill="none" stroke="#fff" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/>' },
    success_no_circle: { color: '#07c160', circle: false, glyph: '<path d="M3.5 12.5l5.6 5.6L20.5 6.7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>' },
    info: { color: '#10aeff', circle: true, glyph: '<circle cx="12" cy="7.6" r="1.3" fill="#fff"/><path d="M12 10.6v6.8" stroke="#fff" stroke-width="2" stroke-linecap="round"/>' },
    warn: { color: '#fa5151', circle: true, glyph: '<path d="M12 6.6v7" stroke="#fff" stroke-width="2" stroke-linecap="round"/><circle cx="12" cy="16.9" r="1.3" fill="#fff"/>' },
    waiting: { color: '#10aeff', circle: true, glyph: '<path d="M12 6.5V12l3.8 2.4" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>' },
    cancel: { color: '#fa5151', circle: false, glyph: '<circle cx="12" cy="12" r="10.2" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8.4 8.4l7.2 7.2M15.6 8.4l-7.2 7.2" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>' },
    download: { color: '#07c160', circle: true, glyph: '<path d="M12 6.3v9.2M8.2 11.9l3.8 3.8 3.8-3.8" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/><path d="M7.5 17.9h9" stroke="#fff" stroke-width="1.6" stroke-linecap="round"/>' },
    search: { color: '#b2b2b2', circle: false, glyph: '<circle cx="10.5" cy="10.5" r="6.6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M15.4 15.4l5.2 5.2" stroke="currentColor" stroke-width="2.1" stroke-linecap="round"/>' },
    clear: { color: '#b2b2b2', circle: true, glyph: '<path d="M8.6 8.6l6.8 6.8M15.4 8.6l-6.8 6.8" stroke="#fff" stroke-width="1.7" stroke-linecap="round"/>' }
};

export class WxIcon extends WxElement {
    static wxReflect = ['type'];

    wxUpdate() {
        const root = this.wxShadow();
        const type = toStr(this.wxProp('type'));
        const icon = ICONS[type];
        if (!icon) {
            root.replaceChildren();
            if (type)
                console.warn('[mpsim] <icon>: unknown type "' + type + '"');
            return;
        }
        const size = toLength(this.wxProp('size'), '23px');
        const color = toStr(this.wxProp('color')) || icon.color;
        // Colours go through the DOM, never into the markup.
        const template = document.createElement('template');
        template.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" class="wx-icon-svg">'
            + (icon.circle ? '<circle cx="12" cy="12" r="11" fill="currentColor"/>' : '')
            + icon.glyph + '</svg>';
        const svg = template.content.firstChild;
        svg.setAttribute('width', size);
        svg.setAttribute('height', size);
        svg.style.color = color;
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', type);
        root.replaceChildren(svg);
    }
}

// --- progress ---------------------------------------------------------------------------

export class WxProgress extends WxElement {
    wxInit() {
        const root = this.wxShadow();
        this._inner = h('div', 'wx-progress-inner-bar');
        this._bar = h('div', 'wx-progress-bar', [this._inner]);
        this._info = h('span', 'wx-progress-info');
        root.append(this._bar, this._info);
        this._shown = 0;
    }

    wxUpdate(changed) {
        const percent = Math.max(0, Math.min(100, toNumber(this.wxProp('percent'), 0)));
        const active = (toStr(this.wxProp('active-color')) || toStr(this.wxProp('color'))) || '#09bb07';
        const background = toStr(this.wxProp('background-color')) || '#ebebeb';
        this._bar.style.height = toLength(this.wxProp('stroke-width'), '6px');
        this._bar.style.backgroundColor = background;
        this._bar.style.borderRadius = toLength(this.wxProp('border-radius'), '0px');
        this._inner.style.backgroundColor = active;
        this._inner.style.borderRadius = this._bar.style.borderRadius;
        this._info.hidden = !this.wxBool('show-info');
        this._info.style.fontSize = toLength(this.wxProp('font-size'), '16px');
        if (!changed.has('percent') && !changed.has('active'))
            return;
        if (this.wxBool('active')) {
            const from = toStr(this.wxProp('active-mode'), 'backwards') === 'forwards' ? this._shown : 0;
            this._animate(from, percent);
        } else {
            cancelAnimationFrame(this._frame);
            this._show(percent);
        }
    }

    _show(percent) {
        this._shown = percent;
        this._inner.style.width = percent + '%';
        this._info.textContent = Math.round(percent) + '%';
    }

    // The platform fills the bar at `duration` (30) ms per percent.
    _animate(from, to) {
        cancelAnimationFrame(this._frame);
        const duration = Math.max(1, Math.abs(to - from) * toNumber(this.wxProp('duration'), 30));
        const start = performance.now();
        const step = (now) => {
            const t = Math.min(1, (now - start) / duration);
            this._show(from + (to - from) * t);
            if (t < 1)
                this._frame = requestAnimationFrame(step);
            else
                this.wxEmit('activeend', { curPercent: to });
        };
        this._frame = requestAnimationFrame(step);
    }
}

// --- cover-view / cover-image ------------------------------------------------------------

export class WxCoverView extends WxElement {
    wxUpdate() {
        updateViewHover(this);
    }
    wxHoverDisabled() { return false; }
}

// --- movable-area / movable-view (basic drag) ----------------------------------------------

export class WxMovableArea extends WxElement {}

export class WxMovableView extends WxElement {
    static wxReflect = ['direction', 'disabled'];
    static wxBooleans = ['disabled'];

    wxInit() {
        this._x = 0;
        this._y = 0;
        this.addEventListener('pointerdown', (event) => this._down(event));
    }

    wxUpdate(changed) {
        if (changed.has('x') || changed.has('y')) {
            this._x = toPx(this.wxProp('x'), this._x);
            this._y = toPx(this.wxProp('y'), this._y);
            this._place(this.wxProp('animation') === undefined || this.wxBool('animation'));
        }
    }

    // The renderer rewrites the style attribute: put the position back.
    wxFlush() {
        super.wxFlush();
        this._place(false);
    }

    _bounds() {
        const area = this.parentElement;
        if (!area || !this.isConnected || area.clientWidth === 0)
            return null; // not laid out yet
        return {
            maxX: Math.max(0, area.clientWidth - this.offsetWidth),
            maxY: Math.max(0, area.clientHeight - this.offsetHeight)
        };
    }

    _place(animated) {
        const bounds = this._bounds();
        if (bounds && !this.wxBool('out-of-bounds')) {
            this._x = Math.max(0, Math.min(bounds.maxX, this._x));
            this._y = Math.max(0, Math.min(bounds.maxY, this._y));
        }
        this.style.transition = animated ? 'transform 0.2s ease-out' : '';
        this.style.transform = 'translate(' + this._x + 'px, ' + this._y + 'px)';
    }

    _down(event) {
        const direction = toStr(this.wxProp('direction'), 'none');
        if (event.button !== 0 || direction === 'none' || this.wxBool('disabled'))
            return;
        const start = { px: event.clientX, py: event.clientY, x: this._x, y: this._y };
        const move = (e) => {
            if (direction === 'all' || direction === 'horizontal')
                this._x = start.x + e.clientX - start.px;
            if (direction === 'all' || direction === 'vertical')
                this._y = start.y + e.clientY - start.py;
            this._place(false);
            this.wxEmit('change', { x: this._x, y: this._y, source: 'touch' });
        };
        const up = () => {
            window.removeEventListener('pointermove', move, true);
            window.removeEventListener('pointerup', up, true);
            window.removeEventListener('pointercancel', up, true);
        };
        window.addEventListener('pointermove', move, true);
        window.addEventListener('pointerup', up, true);
        window.addEventListener('pointercancel', up, true);
    }
}

export function defineBasic() {
    define('wx-navigator', WxNavigator);
    define('wx-icon', WxIcon);
    define('wx-progress', WxProgress);
    define('wx-cover-view', WxCoverView);
    define('wx-movable-area', WxMovableArea);
    define('wx-movable-view', WxMovableView);
}
