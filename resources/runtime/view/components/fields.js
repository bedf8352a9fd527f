/*
 * mpsim view: the form fields: input, textarea, switch, checkbox(-group),
 * radio(-group), slider, label.
 *
 * A field exposes wxFormName(), wxFormValue() and wxFormReset() to <form>.
 * A value coming from data is applied only when it changed since the last
 * render, so a re-render with a stale value does not undo what the user
 * typed, and an unchanged value never moves the caret.
 */

import { WxElement, classDeclarations, closestComposed, define, h, services, toNumber, toStr, walkComposed }
    from './base.js';

// --- input / textarea ----------------------------------------------------------

const FILTERS = {
    number: /[^0-9]/g,
    digit: /[^0-9.]/g,
    idcard: /[^0-9xX]/g
};

class TextField extends WxElement {
    static wxReflect = ['disabled', 'auto-height'];
    static wxBooleans = ['disabled', 'auto-height'];

    wxInit() {
        const root = this.wxShadow();
        this._placeholderStyle = document.createElement('style');
        this._control = this._createControl();
        this._control.className = 'wx-' + this.localName.slice(3) + '-control';
        root.append(this._placeholderStyle, this._control);
        this._keyCode = 0;
        this._lines = 0;
        const control = this._control;
        control.addEventListener('keydown', (event) => this._keydown(event));
        control.addEventListener('input', () => this._input());
        control.addEventListener('focus', () => {
            this.wxEmit('focus', { value: control.value, height: 0 });
        });
        control.addEventListener('blur', () => {
            this.wxEmit('blur', { value: control.value, cursor: control.selectionStart || 0 });
        });
    }

    wxConnected() {
        if (this.wxBool('auto-focus') || this.wxBool('focus'))
            requestAnimationFrame(() => this._control.focus());
    }

    wxUpdate(changed) {
        const control = this._control;
        if (changed.has('value')) {
            let value = toStr(this.wxProp('value'));
            const max = this._maxLength();
            if (max >= 0 && value.length > max)
                value = value.slice(0, max);
            if (control.value !== value)
                control.value = value;
        }
        control.disabled = this.wxBool('disabled');
        const max = this._maxLength();
        if (max >= 0)
            control.maxLength = max;
        else
            control.removeAttribute('maxlength');
        control.placeholder = toStr(this.wxProp('placeholder'));
        this._updateType();
        if (changed.has('placeholder-style') || changed.has('placeholder-class'))
            this._updatePlaceholderStyle();
        if (changed.has('focus') && this.isConnected) {
            if (this.wxBool('focus'))
                control.focus();
            else if (this.shadowRoot.activeElement === control)
                control.blur();
        }
        if (changed.has('cursor') && this.shadowRoot.activeElement === control) {
            const cursor = toNumber(this.wxProp('cursor'), -1);
            if (cursor >= 0)
                control.setSelectionRange(cursor, cursor);
        }
        if ((changed.has('selection-start') || changed.has('selection-end'))
            && this.shadowRoot.activeElement === control) {
            const start = toNumber(this.wxProp('selection-start'), -1);
            const end = toNumber(this.wxProp('selection-end'), -1);
            if (start >= 0 && end >= start)
                control.setSelectionRange(start, end);
        }
        this._afterUpdate(changed);
    }

    _maxLength() {
        return toNumber(this.wxProp('maxlength'), 140);
    }

    _updateType() {}
    _afterUpdate() {}

    // placeholder-style is inline CSS; placeholder-class names a class of the
    // page's (or component's) WXSS, whose declarations are copied over.
    _updatePlaceholderStyle() {
        // Declarations only: braces would let the text open rules of its own.
        const css = (classDeclarations(this, this.wxProp('placeholder-class')) + ';'
                     + toStr(this.wxProp('placeholder-style'))).replace(/[{}<]/g, '');
        this._placeholderStyle.textContent =
            ':host .wx-input-control::placeholder, :host .wx-textarea-control::placeholder {' + css + '}';
    }

    _keydown(event) {
        this._keyCode = event.keyCode;
        if (event.key === 'Enter' && !event.isComposing && this._confirmsOnEnter(event)) {
            event.preventDefault();
            this.wxEmit('confirm', { value: this._control.value });
            if (!this.wxBool('confirm-hold'))
                this._control.blur();
        }
    }

    _input() {
        const control = this._control;
        const filter = FILTERS[toStr(this.wxProp('type'))];
        if (filter && filter.test(control.value)) {
            filter.lastIndex = 0;
            const caret = control.selectionStart || 0;
            const before = control.value.slice(0, caret).replace(filter, '');
            control.value = control.value.replace(filter, '');
            control.setSelectionRange(before.length, before.length);
        }
        this.wxEmit('input', {
            value: control.value,
            cursor: control.selectionStart || 0,
            keyCode: this._keyCode
        });
        this._afterInput();
    }

    _afterInput() {}

    wxFormName() {
        return toStr(this.wxProp('name'));
    }

    wxFormValue() {
        return this._control.value;
    }

    wxFormReset() {
        this._control.value = '';
    }

    // The text as shown (tests, automation).
    get value() {
        return this._control ? this._control.value : '';
    }

    focus() {
        if (this._control)
            this._control.focus();
    }
}

export class WxInput extends TextField {
    _createControl() {
        const input = document.createElement('input');
        input.type = 'text';
        input.autocomplete = 'off';
        input.spellcheck = false;
        return input;
    }

    _updateType() {
        const type = toStr(this.wxProp('type'), 'text');
        const password = this.wxBool('password') || type === 'safe-password';
        this._control.type = password ? 'password' : 'text';
        const modes = { number: 'numeric', digit: 'decimal', idcard: 'text' };
        this._control.inputMode = modes[type] || 'text';
        const hints = { search: 'search', next: 'next', go: 'go', send: 'send', done: 'done' };
        this._control.enterKeyHint = hints[toStr(this.wxProp('confirm-type'), 'done')] || 'done';
    }

    _confirmsOnEnter() {
        return true;
    }
}

export class WxTextarea extends TextField {
    _createControl() {
        const textarea = document.createElement('textarea');
        textarea.spellcheck = false;
        textarea.rows = 1; // auto-height starts at one line
        return textarea;
    }

    _confirmsOnEnter(event) {
        // A textarea's Enter makes a new line unless confirm-type asks for a
        // confirm key (shift+Enter always makes a line).
        const type = toStr(this.wxProp('confirm-type'), 'return') || 'return';
        return type !== 'return' && !event.shiftKey;
    }

    _afterUpdate() {
        this._autoHeight();
    }

    _afterInput() {
        this._autoHeight();
    }

    _autoHeight() {
        const control = this._control;
        // The content's height: what scrolls in a box shorter than it.
        const scrollTop = control.scrollTop;
        control.style.height = '0px';
        const content = control.scrollHeight;
        control.style.height = this.wxBool('auto-height') ? content + 'px' : '';
        control.scrollTop = scrollTop;
        const lineHeight = parseFloat(getComputedStyle(control).lineHeight) || 20;
        const lines = Math.max(1, Math.round(content / lineHeight));
        if (this._lines && lines !== this._lines) {
            const width = Number(services.device().windowWidth) || 375;
            this.wxEmit('linechange', { height: content, heightRpx: Math.round(content * 750 / width), lineCount: lines });
        }
        this._lines = lines;
    }
}

// --- switch ---------------------------------------------------------------------------

export class WxSwitch extends WxElement {
    static wxReflect = ['checked', 'disabled', 'type'];
    static wxBooleans = ['checked', 'disabled'];

    wxInit() {
        this._checked = false;
        this._input = h('div', 'wx-switch-input');
        this.wxShadow().append(h('div', 'wx-switch-wrapper', [this._input, h('slot')]));
        this.setAttribute('role', 'switch');
        this.addEventListener('click', () => this.wxActivate());
    }

    wxUpdate(changed) {
        if (changed.has('checked'))
            this._checked = this.wxBool('checked');
        this._render();
    }

    _render() {
        const isCheckbox = toStr(this.wxProp('type')) === 'checkbox';
        this._input.className = isCheckbox ? 'wx-checkbox-input' : 'wx-switch-input';
        this._input.classList.toggle(isCheckbox ? 'wx-checkbox-input-checked' : 'wx-switch-input-checked', this._checked);
        this._input.classList.toggle('wx-input-disabled', this.wxBool('disabled'));
        const color = toStr(this.wxProp('color')) || '#04be02';
        this._input.style.setProperty('--wx-color', color);
        this.setAttribute('aria-checked', String(this._checked));
    }

    wxActivate() {
        if (this.wxBool('disabled'))
            return;
        this._checked = !this._checked;
        this._render();
        this.wxEmit('change', { value: this._checked });
    }

    get checked() { return this._checked; }
    wxFormName() { return toStr(this.wxProp('name')); }
    wxFormValue() { return this._checked; }
    wxFormReset() {
        this._checked = false;
        this._render();
    }
}

// --- checkbox / radio and their groups --------------------------------------------------

class Choice extends WxElement {
    static wxReflect = ['checked', 'disabled'];
    static wxBooleans = ['checked', 'disabled'];

    wxInit() {
        this._checked = false;
        const kind = this.localName.slice(3); // checkbox | radio
        this._input = h('div', 'wx-' + kind + '-input');
        this.wxShadow().append(h('div', 'wx-' + kind + '-wrapper', [this._input, h('slot')]));
        this.setAttribute('role', kind);
        this.addEventListener('click', () => this.wxActivate());
    }

    wxUpdate(changed) {
        if (changed.has('checked'))
            this._checked = this.wxBool('checked');
        this.wxRender();
    }

    wxRender() {
        const kind = this.localName.slice(3);
        this._input.classList.toggle('wx-' + kind + '-input-checked', this._checked);
        this._input.classList.toggle('wx-' + kind + '-input-disabled', this.wxBool('disabled'));
        const color = toStr(this.wxProp('color'));
        if (color)
            this._input.style.setProperty('--wx-color', color);
        else
            this._input.style.removeProperty('--wx-color');
        this.toggleAttribute('checked', this._checked);
        this.setAttribute('aria-checked', String(this._checked));
    }

    wxValue() {
        return toStr(this.wxProp('value'));
    }

    get checked() { return this._checked; }

    wxSetChecked(checked) {
        this._checked = checked;
        this.wxRender();
    }
}

export class WxCheckbox extends Choice {
    wxActivate() {
        if (this.wxBool('disabled'))
            return;
        this.wxSetChecked(!this._checked);
        const group = closestComposed(this, 'wx-checkbox-group');
        if (group)
            group.wxChanged();
    }
}

export class WxRadio extends Choice {
    wxActivate() {
        if (this.wxBool('disabled') || this._checked)
            return;
        this.wxSetChecked(true);
        const group = closestComposed(this, 'wx-radio-group');
        if (group)
            group.wxChanged(this);
    }
}

class ChoiceGroup extends WxElement {
    wxChoices() {
        const tag = this.localName.replace('-group', '');
        const found = [];
        walkComposed(this, function (element) {
            if (element.localName === tag)
                found.push(element);
        }, (element) => element.localName === this.localName);
        return found;
    }

    wxFormName() { return toStr(this.wxProp('name')); }
    wxFormReset() {
        this.wxChoices().forEach(function (choice) { choice.wxSetChecked(false); });
    }
}

export class WxCheckboxGroup extends ChoiceGroup {
    wxChanged() {
        this.wxEmit('change', { value: this.wxFormValue() });
    }

    wxFormValue() {
        return this.wxChoices().filter((c) => c.checked).map((c) => c.wxValue());
    }
}

export class WxRadioGroup extends ChoiceGroup {
    wxChanged(selected) {
        this.wxChoices().forEach(function (radio) {
            if (radio !== selected && radio.checked)
                radio.wxSetChecked(false);
        });
        this.wxEmit('change', { value: selected.wxValue() });
    }

    wxFormValue() {
        const checked = this.wxChoices().find((c) => c.checked);
        return checked ? checked.wxValue() : '';
    }
}

// --- slider ---------------------------------------------------------------------------

export class WxSlider extends WxElement {
    static wxReflect = ['disabled', 'show-value'];
    static wxBooleans = ['disabled', 'show-value'];

    wxInit() {
        this._value = 0;
        this._track = h('div', 'wx-slider-track');
        this._handle = h('div', 'wx-slider-handle');
        this._thumb = h('div', 'wx-slider-thumb');
        const wrapper = h('div', 'wx-slider-handle-wrapper', [this._track, this._handle, this._thumb]);
        this._tapArea = h('div', 'wx-slider-tap-area', [wrapper]);
        this._wrapper = wrapper;
        this._valueLabel = h('div', 'wx-slider-value');
        this.wxShadow().append(h('div', 'wx-slider-wrapper', [this._tapArea, this._valueLabel]));
        this.setAttribute('role', 'slider');
        this.tabIndex = 0;
        this._tapArea.addEventListener('pointerdown', (event) => this._down(event));
        this.addEventListener('keydown', (event) => this._key(event));
    }

    _range() {
        const min = toNumber(this.wxProp('min'), 0);
        let max = toNumber(this.wxProp('max'), 100);
        if (max < min)
            max = min;
        const step = Math.max(toNumber(this.wxProp('step'), 1), Number.EPSILON);
        return { min: min, max: max, step: step };
    }

    _clamp(value) {
        const r = this._range();
        const stepped = r.min + Math.round((value - r.min) / r.step) * r.step;
        const clamped = Math.max(r.min, Math.min(r.max, stepped));
        return Number(clamped.toFixed(10));
    }

    wxUpdate(changed) {
        if (changed.has('value') || changed.has('min') || changed.has('max') || changed.has('step'))
            this._value = this._clamp(toNumber(this.wxProp('value'), this._range().min));
        this._render();
    }

    _render() {
        const r = this._range();
        const ratio = r.max > r.min ? (this._value - r.min) / (r.max - r.min) : 0;
        const active = toStr(this.wxProp('active-color')) || toStr(this.wxProp('selected-color')) || '#1aad19';
        const background = toStr(this.wxProp('background-color')) || toStr(this.wxProp('color')) || '#e9e9e9';
        const blockSize = Math.max(12, Math.min(28, toNumber(this.wxProp('block-size'), 28)));
        this._track.style.backgroundColor = background;
        this._handle.style.backgroundColor = active;
        this._handle.style.width = (ratio * 100) + '%';
        this._thumb.style.left = (ratio * 100) + '%';
        this._thumb.style.width = this._thumb.style.height = blockSize + 'px';
        this._thumb.style.marginLeft = this._thumb.style.marginTop = (-blockSize / 2) + 'px';
        this._thumb.style.backgroundColor = toStr(this.wxProp('block-color')) || '#ffffff';
        this._tapArea.style.padding = (blockSize / 2) + 'px 0';
        this._valueLabel.textContent = String(this._value);
        this._valueLabel.hidden = !this.wxBool('show-value');
        this.setAttribute('aria-valuenow', String(this._value));
    }

    _valueAt(clientX) {
        const rect = this._wrapper.getBoundingClientRect();
        const r = this._range();
        const ratio = rect.width > 0 ? Math.max(0, Math.min(1, (clientX - rect.left) / rect.width)) : 0;
        return this._clamp(r.min + ratio * (r.max - r.min));
    }

    _down(event) {
        if (event.button !== 0 || this.wxBool('disabled'))
            return;
        event.preventDefault();
        const start = this._value;
        const move = (e) => {
            const value = this._valueAt(e.clientX);
            if (value !== this._value) {
                this._value = value;
                this._render();
                this.wxEmit('changing', { value: value });
            }
        };
        const up = (e) => {
            window.removeEventListener('pointermove', move, true);
            window.removeEventListener('pointerup', up, true);
            window.removeEventListener('pointercancel', up, true);
            if (e.type === 'pointerup') {
                this._value = this._valueAt(e.clientX);
                this._render();
            }
            if (this._value !== start || e.type === 'pointerup')
                this.wxEmit('change', { value: this._value });
        };
        this._value = this._valueAt(event.clientX);
        this._render();
        window.addEventListener('pointermove', move, true);
        window.addEventListener('pointerup', up, true);
        window.addEventListener('pointercancel', up, true);
    }

    _key(event) {
        if (this.wxBool('disabled'))
            return;
        const r = this._range();
        const deltas = { ArrowLeft: -r.step, ArrowDown: -r.step, ArrowRight: r.step, ArrowUp: r.step };
        if (!(event.key in deltas))
            return;
        event.preventDefault();
        const value = this._clamp(this._value + deltas[event.key]);
        if (value !== this._value) {
            this._value = value;
            this._render();
            this.wxEmit('change', { value: value });
        }
    }

    get value() { return this._value; }
    wxFormName() { return toStr(this.wxProp('name')); }
    wxFormValue() { return this._value; }
    wxFormReset() {
        this._value = this._range().min;
        this._render();
    }
}

// --- label ------------------------------------------------------------------------------

const ACTIVATABLE = ['wx-checkbox', 'wx-radio', 'wx-switch', 'wx-button'];

export class WxLabel extends WxElement {
    wxInit() {
        this.addEventListener('click', (event) => this._clicked(event));
    }

    _clicked(event) {
        // A control clicked directly has handled its own click.
        const path = event.composedPath();
        for (const node of path) {
            if (node === this)
                break;
            if (node.nodeType === Node.ELEMENT_NODE && ACTIVATABLE.includes(node.localName))
                return;
        }
        const target = this._target();
        if (target && typeof target.wxActivate === 'function')
            target.wxActivate();
        else if (target && typeof target.focus === 'function' && (target.localName === 'wx-input' || target.localName === 'wx-textarea'))
            target.focus();
    }

    _target() {
        const id = toStr(this.wxProp('for'));
        if (id) {
            const root = this.getRootNode();
            return root.getElementById ? root.getElementById(id) : null;
        }
        let found = null;
        walkComposed(this, function (element) {
            if (!found && ACTIVATABLE.concat(['wx-input', 'wx-textarea']).includes(element.localName))
                found = element;
        }, function () { return found !== null; });
        return found;
    }
}

export function defineFields() {
    define('wx-input', WxInput);
    define('wx-textarea', WxTextarea);
    define('wx-switch', WxSwitch);
    define('wx-checkbox', WxCheckbox);
    define('wx-checkbox-group', WxCheckboxGroup);
    define('wx-radio', WxRadio);
    define('wx-radio-group', WxRadioGroup);
    define('wx-slider', WxSlider);
    define('wx-label', WxLabel);
}
