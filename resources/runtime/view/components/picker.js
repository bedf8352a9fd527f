/*
 * mpsim view: picker-view / picker-view-column (scrolling wheels in the
 * page) and picker (a bottom sheet with wheels, Cancel and Confirm, where a
 * device shows its native sheet).
 */

import { WxElement, classDeclarations, define, h, sheetFor, toNumber, toStr } from './base.js';

// --- picker-view-column ------------------------------------------------------

// A scrolling wheel whose rows are its children (slotted). The row under the
// indicator is the selection; a scroll settles on a row.
export class WxPickerViewColumn extends WxElement {
    wxInit() {
        const root = this.wxShadow();
        this._scroller = h('div', 'wx-picker-view-column-scroller', [
            h('div', 'wx-picker-view-column-pad'), h('slot'), h('div', 'wx-picker-view-column-pad')]);
        root.append(this._scroller);
        this._index = 0;
        this._settleTimer = 0;
        this._dragged = false;
        this._quiet = false;
        this._scroller.addEventListener('scroll', () => this._scrolled());
        this._scroller.addEventListener('pointerdown', (event) => this._down(event));
        this._scroller.addEventListener('click', (event) => this._clicked(event), true);
        this._resize = new ResizeObserver(() => this.wxLayout());
        // Rows rendered after the selection was set: show it again.
        this._rowsObserver = new MutationObserver(() => this.wxLayout());
        this._rowsObserver.observe(this, { childList: true });
    }

    wxConnected() {
        this._resize.observe(this);
        this.wxLayout();
    }

    wxDisconnected() {
        this._resize.disconnect();
    }

    _view() {
        const parent = this.parentElement;
        return parent && parent.localName === 'wx-picker-view' ? parent : null;
    }

    _itemHeight() {
        const view = this._view();
        return view ? view.wxItemHeight() : 34;
    }

    _rows() {
        return Array.from(this.children);
    }

    wxLayout() {
        const itemHeight = this._itemHeight();
        const pad = Math.max(0, (this.clientHeight - itemHeight) / 2);
        this.style.setProperty('--wx-picker-item-height', itemHeight + 'px');
        this._scroller.querySelectorAll('.wx-picker-view-column-pad').forEach(function (node) {
            node.style.height = pad + 'px';
        });
        this.wxSelect(this._index, false);
    }

    get index() {
        return Math.max(0, Math.min(this._rows().length - 1, this._index));
    }

    // Shows row `index` under the indicator; no event. The index is kept even
    // when its row does not exist yet.
    wxSelect(index, smooth) {
        this._index = Math.max(0, Math.round(index) || 0);
        const top = this.index * this._itemHeight();
        if (Math.abs(this._scroller.scrollTop - top) < 0.5)
            return;
        const before = this._scroller.scrollTop;
        this._scroller.scrollTo({ top: top, behavior: smooth ? 'smooth' : 'auto' });
        // An instant scroll's own scroll event is not the user picking.
        this._quiet = !smooth && this._scroller.scrollTop !== before;
    }

    _scrolled() {
        clearTimeout(this._settleTimer);
        if (this._quiet) {
            this._quiet = false;
            return;
        }
        if (this._snapping) {
            this._settleTimer = setTimeout(() => { this._snapping = false; }, 120);
            return;
        }
        if (!this._picking) {
            this._picking = true;
            const view = this._view();
            if (view)
                view.wxPickStart(this);
        }
        if (this._dragging)
            return;
        this._settleTimer = setTimeout(() => this._settle(), 120);
    }

    _settle() {
        const itemHeight = this._itemHeight();
        const index = Math.max(0, Math.min(this._rows().length - 1, Math.round(this._scroller.scrollTop / itemHeight)));
        const changed = index !== this.index;
        this._index = index;
        const top = index * itemHeight;
        if (Math.abs(this._scroller.scrollTop - top) >= 0.5) {
            // Snap onto the row; that scroll is not a new pick.
            this._snapping = true;
            this._scroller.scrollTo({ top: top, behavior: 'smooth' });
        }
        this._picking = false;
        const view = this._view();
        if (view)
            view.wxColumnSettled(this, changed);
    }

    // Mouse drag scrolls the wheel (a device scrolls it by touch).
    _down(event) {
        if (event.pointerType === 'touch' || event.button !== 0)
            return;
        const startY = event.clientY;
        const startTop = this._scroller.scrollTop;
        this._dragged = false;
        const move = (e) => {
            if (!this._dragged && Math.abs(e.clientY - startY) < 4)
                return;
            this._dragged = true;
            this._dragging = true;
            this._scroller.scrollTop = startTop - (e.clientY - startY);
        };
        const up = () => {
            window.removeEventListener('pointermove', move, true);
            window.removeEventListener('pointerup', up, true);
            window.removeEventListener('pointercancel', up, true);
            if (this._dragging) {
                this._dragging = false;
                this._settle();
            }
        };
        window.addEventListener('pointermove', move, true);
        window.addEventListener('pointerup', up, true);
        window.addEventListener('pointercancel', up, true);
    }

    // A click on a row selects it (after a drag, the click is the drag's end).
    _clicked(event) {
        if (this._dragged) {
            this._dragged = false;
            event.stopPropagation();
            return;
        }
        const rows = this._rows();
        const row = event.composedPath().find(function (node) { return rows.includes(node); });
        if (!row)
            return;
        const index = rows.indexOf(row);
        const changed = index !== this.index;
        this.wxSelect(index, false);
        const view = this._view();
        if (view)
            view.wxColumnSettled(this, changed);
    }
}

// --- picker-view ------------------------------------------------------------------

export class WxPickerView extends WxElement {
    wxInit() {
        const root = this.wxShadow();
        this._indicator = h('div', 'wx-picker-view-indicator');
        this._maskTop = h('div', 'wx-picker-view-mask wx-picker-view-mask-top');
        this._maskBottom = h('div', 'wx-picker-view-mask wx-picker-view-mask-bottom');
        root.append(h('div', 'wx-picker-view-wrapper', [h('slot')]), this._maskTop, this._indicator, this._maskBottom);
        this._picking = 0;
        // Columns added or removed by a render.
        this._observer = new MutationObserver(() => this._applyValue());
        this._observer.observe(this, { childList: true });
        this._resize = new ResizeObserver(() => this._layoutMasks());
    }

    wxUpdate(changed) {
        const indicator = classDeclarations(this, this.wxProp('indicator-class')) + ';' + toStr(this.wxProp('indicator-style'));
        this._indicator.style.cssText = indicator;
        const mask = classDeclarations(this, this.wxProp('mask-class')) + ';' + toStr(this.wxProp('mask-style'));
        this._maskTop.style.cssText = mask;
        this._maskBottom.style.cssText = mask;
        this._layoutMasks();
        this._columns().forEach(function (column) { column.wxLayout(); });
        if (changed.has('value'))
            this._applyValue();
    }

    wxDisconnected() {
        this._resize.disconnect();
    }

    wxConnected() {
        this._resize.observe(this);
        requestAnimationFrame(() => {
            this._layoutMasks();
            this._columns().forEach(function (column) { column.wxLayout(); });
            this._applyValue();
        });
    }

    _layoutMasks() {
        const itemHeight = this.wxItemHeight();
        const height = this.clientHeight;
        const edge = Math.max(0, (height - itemHeight) / 2);
        this._indicator.style.top = edge + 'px';
        this._maskTop.style.height = edge + 'px';
        this._maskBottom.style.height = edge + 'px';
    }

    wxItemHeight() {
        const height = this._indicator ? this._indicator.offsetHeight : 0;
        return height > 0 ? height : 34;
    }

    _columns() {
        return Array.from(this.children).filter(function (c) { return c.localName === 'wx-picker-view-column'; });
    }

    _applyValue() {
        const value = this.wxProp('value');
        if (!Array.isArray(value))
            return;
        const indexes = value;
        this._columns().forEach(function (column, i) {
            if (column.wxSelect)
                column.wxSelect(toNumber(indexes[i], 0), false);
        });
    }

    wxValue() {
        return this._columns().map(function (column) { return column.index || 0; });
    }

    wxPickStart() {
        this._picking += 1;
        if (this._picking === 1 && !this.wxInternal)
            this.wxEmit('pickstart', {});
    }

    wxColumnSettled(column, changed) {
        if (this._picking > 0) {
            this._picking -= 1;
            if (this._picking === 0 && !this.wxInternal)
                this.wxEmit('pickend', {});
        }
        if (!changed)
            return;
        const value = this.wxValue();
        if (this.wxInternal)
            this.wxInternal(this._columns().indexOf(column), value);
        else
            this.wxEmit('change', { value: value });
    }
}

// --- picker -----------------------------------------------------------------------

function pad2(n) {
    return (n < 10 ? '0' : '') + n;
}

function parseDate(text, fallback) {
    const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(toStr(text));
    if (!match)
        return fallback;
    return { y: Number(match[1]), m: Number(match[2] || 1), d: Number(match[3] || 1) };
}

function parseTime(text, fallback) {
    const match = /^(\d{1,2}):(\d{1,2})/.exec(toStr(text));
    return match ? { h: Math.min(23, Number(match[1])), m: Math.min(59, Number(match[2])) } : fallback;
}

function daysIn(y, m) {
    return new Date(y, m, 0).getDate();
}

function rangeLabel(item, key) {
    if (item && typeof item === 'object')
        return toStr(key ? item[key] : '');
    return toStr(item);
}

// A bottom sheet over the whole view, outside the page's DOM.
class PickerSheet {
    constructor(picker) {
        this.picker = picker;
        this.host = document.createElement('div');
        this.host.className = 'wx-picker-sheet-host';
        const root = this.host.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = [sheetFor('builtin.css'), sheetFor('internal.css')];
        this.cancelButton = h('div', 'wx-picker-action wx-picker-action-cancel', ['Cancel']);
        this.confirmButton = h('div', 'wx-picker-action wx-picker-action-confirm', ['Confirm']);
        const title = h('div', 'wx-picker-header-text', [toStr(picker.wxProp('header-text'))]);
        this.view = document.createElement('wx-picker-view');
        this.view.className = 'wx-picker-body';
        this.view.wxInternal = (column, value) => picker.wxSheetColumnChanged(column, value);
        this.mask = h('div', 'wx-picker-mask');
        this.panel = h('div', 'wx-picker-panel', [
            h('div', 'wx-picker-header', [this.cancelButton, title, this.confirmButton]), this.view]);
        root.append(this.mask, this.panel);
        this.mask.addEventListener('click', () => picker.wxCloseSheet(false));
        this.cancelButton.addEventListener('click', () => picker.wxCloseSheet(false));
        this.confirmButton.addEventListener('click', () => picker.wxCloseSheet(true));
        this.onKey = (event) => {
            if (event.key === 'Escape')
                picker.wxCloseSheet(false);
            else if (event.key === 'Enter')
                picker.wxCloseSheet(true);
        };
        window.addEventListener('keydown', this.onKey, true);
        document.body.append(this.host);
    }

    // columns: [{ labels: [...], index }]
    setColumns(columns) {
        const existing = Array.from(this.view.children);
        columns.forEach((column, i) => {
            let element = existing[i];
            if (!element) {
                element = document.createElement('wx-picker-view-column');
                this.view.append(element);
            }
            const labels = column.labels;
            const rows = Array.from(element.children);
            labels.forEach(function (label, r) {
                let row = rows[r];
                if (!row) {
                    row = h('div', 'wx-picker-item');
                    element.append(row);
                }
                if (row.textContent !== label)
                    row.textContent = label;
            });
            rows.slice(labels.length).forEach(function (row) { row.remove(); });
            element.wxSelect(column.index, false);
        });
        existing.slice(columns.length).forEach(function (element) { element.remove(); });
    }

    value() {
        return this.view.wxValue();
    }

    close() {
        window.removeEventListener('keydown', this.onKey, true);
        this.host.remove();
    }
}

export class WxPicker extends WxElement {
    static wxReflect = ['mode', 'disabled'];
    static wxBooleans = ['disabled'];

    wxInit() {
        this._value = undefined;
        this._sheet = null;
        this.addEventListener('click', () => this.wxOpen());
    }

    wxUpdate(changed) {
        if (changed.has('value') || changed.has('mode'))
            this._value = this.wxProp('value');
        if (this._sheet && (changed.has('range') || changed.has('range-key') || changed.has('value')))
            this._show(this._columns(changed.has('value') ? null : this._sheet.value()));
    }

    wxDisconnected() {
        if (this._sheet)
            this.wxCloseSheet(false, true);
    }

    _mode() {
        return toStr(this.wxProp('mode'), 'selector') || 'selector';
    }

    // --- columns per mode, from a selection (array of indexes) or the value

    _columns(selection) {
        switch (this._mode()) {
        case 'multiSelector': return this._multiColumns(selection);
        case 'date': return this._dateColumns(selection);
        case 'time': return this._timeColumns(selection);
        default: return this._selectorColumns(selection);
        }
    }

    _selectorColumns(selection) {
        const range = Array.isArray(this.wxProp('range')) ? this.wxProp('range') : [];
        const key = toStr(this.wxProp('range-key'));
        const index = selection ? selection[0] : toNumber(this._value, 0);
        return [{ labels: range.map(function (item) { return rangeLabel(item, key); }), index: index }];
    }

    _multiColumns(selection) {
        const range = Array.isArray(this.wxProp('range')) ? this.wxProp('range') : [];
        const key = toStr(this.wxProp('range-key'));
        const value = selection || (Array.isArray(this._value) ? this._value : []);
        return range.map(function (column, i) {
            const items = Array.isArray(column) ? column : [];
            return { labels: items.map(function (item) { return rangeLabel(item, key); }), index: toNumber(value[i], 0) };
        });
    }

    _dateBounds() {
        const start = parseDate(this.wxProp('start'), { y: 1900, m: 1, d: 1 });
        const end = parseDate(this.wxProp('end'), { y: 2100, m: 12, d: 31 });
        return { start: start, end: end };
    }

    _dateFields() {
        const fields = toStr(this.wxProp('fields'), 'day');
        return fields === 'year' ? 1 : fields === 'month' ? 2 : 3;
    }

    // The numbers the rows of a selection show (the wheels' labels), so a
    // change of year keeps the month and day, as on a device.
    _selectedNumbers(selection) {
        const shown = this._shown || [];
        return selection.map(function (index, column) {
            const labels = shown[column] || [];
            const row = Math.max(0, Math.min(labels.length - 1, toNumber(index, 0)));
            return Number(labels[row]);
        });
    }

    // The date a selection (or the value) stands for, kept inside start..end.
    _date(selection) {
        const b = this._dateBounds();
        const now = new Date();
        let date;
        if (selection) {
            const n = this._selectedNumbers(selection);
            date = { y: n[0] || b.start.y, m: n[1] || 1, d: n[2] || 1 };
        } else {
            date = parseDate(this._value, { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() });
        }
        date.m = Math.max(1, Math.min(12, date.m));
        date.d = Math.max(1, Math.min(daysIn(date.y, date.m), date.d));
        const clampKey = (d) => d.y * 10000 + d.m * 100 + d.d;
        if (clampKey(date) < clampKey(b.start))
            date = Object.assign({}, b.start);
        if (clampKey(date) > clampKey(b.end))
            date = Object.assign({}, b.end);
        return date;
    }

    _dateColumns(selection) {
        const b = this._dateBounds();
        const date = this._date(selection);
        const columns = [];
        const years = [];
        for (let y = b.start.y; y <= b.end.y; ++y)
            years.push(String(y));
        columns.push({ labels: years, index: date.y - b.start.y });
        const fields = this._dateFields();
        if (fields >= 2) {
            const mFrom = date.y === b.start.y ? b.start.m : 1;
            const mTo = date.y === b.end.y ? b.end.m : 12;
            const months = [];
            for (let m = mFrom; m <= mTo; ++m)
                months.push(pad2(m));
            columns.push({ labels: months, index: date.m - mFrom });
        }
        if (fields >= 3) {
            const dFrom = (date.y === b.start.y && date.m === b.start.m) ? b.start.d : 1;
            const dTo = (date.y === b.end.y && date.m === b.end.m) ? b.end.d : daysIn(date.y, date.m);
            const days = [];
            for (let d = dFrom; d <= dTo; ++d)
                days.push(pad2(d));
            columns.push({ labels: days, index: date.d - dFrom });
        }
        return columns;
    }

    _dateValue(selection) {
        const date = this._date(selection);
        const fields = this._dateFields();
        return String(date.y) + (fields >= 2 ? '-' + pad2(date.m) : '') + (fields >= 3 ? '-' + pad2(date.d) : '');
    }

    _timeBounds() {
        return {
            start: parseTime(this.wxProp('start'), { h: 0, m: 0 }),
            end: parseTime(this.wxProp('end'), { h: 23, m: 59 })
        };
    }

    _time(selection) {
        const b = this._timeBounds();
        const now = new Date();
        let time;
        if (selection) {
            const n = this._selectedNumbers(selection);
            time = { h: n[0] || 0, m: n[1] || 0 };
        } else {
            time = parseTime(this._value, { h: now.getHours(), m: now.getMinutes() });
        }
        const key = (t) => t.h * 60 + t.m;
        if (key(time) < key(b.start))
            time = Object.assign({}, b.start);
        if (key(time) > key(b.end))
            time = Object.assign({}, b.end);
        return time;
    }

    _timeColumns(selection) {
        const b = this._timeBounds();
        const time = this._time(selection);
        const hours = [];
        for (let hour = b.start.h; hour <= b.end.h; ++hour)
            hours.push(pad2(hour));
        const mFrom = time.h === b.start.h ? b.start.m : 0;
        const mTo = time.h === b.end.h ? b.end.m : 59;
        const minutes = [];
        for (let m = mFrom; m <= mTo; ++m)
            minutes.push(pad2(m));
        return [{ labels: hours, index: time.h - b.start.h }, { labels: minutes, index: time.m - mFrom }];
    }

    // --- the sheet

    wxOpen() {
        if (this.wxBool('disabled') || this._sheet)
            return;
        const mode = this._mode();
        if (mode === 'region') {
            console.warn('[mpsim] <picker mode="region"> needs the platform\'s region data, which mpsim does not have');
            return;
        }
        this._sheet = new PickerSheet(this);
        this._show(this._columns(null));
    }

    _show(columns) {
        this._sheet.setColumns(columns);
        this._shown = columns.map(function (c) { return c.labels; });
    }

    wxSheet() {
        return this._sheet ? this._sheet.host : null;
    }

    wxSheetColumnChanged(column, selection) {
        const mode = this._mode();
        if (mode === 'multiSelector') {
            this.wxEmit('columnchange', { column: column, value: selection[column] });
        } else if (mode === 'date' || mode === 'time') {
            // Later columns depend on earlier ones (days in a month, bounds).
            this._show(this._columns(selection));
        }
    }

    wxCloseSheet(confirmed, silent) {
        const sheet = this._sheet;
        if (!sheet)
            return;
        const selection = sheet.value();
        sheet.close();
        this._sheet = null;
        if (silent)
            return;
        if (!confirmed) {
            this.wxEmit('cancel', {});
            return;
        }
        let value;
        switch (this._mode()) {
        case 'multiSelector': value = selection; break;
        case 'date': value = this._dateValue(selection); break;
        case 'time': {
            const time = this._time(selection);
            value = pad2(time.h) + ':' + pad2(time.m);
            break;
        }
        default: value = selection.length ? selection[0] : 0;
        }
        this._value = value;
        this.wxEmit('change', { value: value });
    }

    wxFormName() { return toStr(this.wxProp('name')); }

    wxFormValue() {
        const mode = this._mode();
        if (mode === 'multiSelector')
            return Array.isArray(this._value) ? this._value.map(function (v) { return toNumber(v, 0); }) : [];
        if (mode === 'date' || mode === 'time' || mode === 'region')
            return this._value === undefined ? '' : this._value;
        return toNumber(this._value, 0);
    }

    wxFormReset() {
        const mode = this._mode();
        this._value = mode === 'multiSelector' || mode === 'region' ? [] : mode === 'selector' ? 0 : '';
    }
}

export function definePicker() {
    define('wx-picker-view-column', WxPickerViewColumn);
    define('wx-picker-view', WxPickerView);
    define('wx-picker', WxPicker);
}
