/*
 * mpsim view: scroll-view, swiper and swiper-item.
 */

import { WxElement, define, h, toBool, toLength, toNumber, toPx, toStr } from './base.js';

// --- scroll-view -----------------------------------------------------------------

// The element itself is the scroll container: its children stay the
// renderer's, and a page's `display: flex` on it lays them out directly (as
// with enable-flex on a device).
export class WxScrollView extends WxElement {
    static wxReflect = ['scroll-x', 'scroll-y', 'enable-flex'];
    static wxBooleans = ['scroll-x', 'scroll-y', 'enable-flex'];

    wxInit() {
        this._last = { top: 0, left: 0 };
        this._edges = { top: true, left: true, bottom: false, right: false };
        this.addEventListener('scroll', () => this._scrolled(), { passive: true });
        this._pending = new Set();
    }

    wxUpdate(changed) {
        const scrollbar = this.wxProp('show-scrollbar');
        this.toggleAttribute('no-scrollbar', scrollbar !== undefined && !toBool(scrollbar));
        ['scroll-top', 'scroll-left', 'scroll-into-view'].forEach((name) => {
            if (changed.has(name) && this.wxProp(name) !== undefined && this.wxProp(name) !== '')
                this._pending.add(name);
        });
        if (this._pending.size)
            requestAnimationFrame(() => this._applyPositions());
    }

    // After the render pass the children exist: scroll to what was asked.
    wxFlush() {
        super.wxFlush();
        this._applyPositions();
    }

    _applyPositions() {
        if (!this._pending.size || !this.isConnected)
            return;
        const behavior = this.wxBool('scroll-with-animation') ? 'smooth' : 'auto';
        const pending = this._pending;
        this._pending = new Set();
        if (pending.has('scroll-into-view')) {
            const id = toStr(this.wxProp('scroll-into-view'));
            const root = this.getRootNode();
            const target = id && root.getElementById ? root.getElementById(id) : null;
            if (target && this.contains(target)) {
                const box = this.getBoundingClientRect();
                const rect = target.getBoundingClientRect();
                const extra = toPx(this.wxProp('scroll-into-view-offset'), 0);
                const options = { behavior: behavior };
                if (this.wxBool('scroll-y'))
                    options.top = this.scrollTop + rect.top - box.top - this.clientTop + extra;
                if (this.wxBool('scroll-x'))
                    options.left = this.scrollLeft + rect.left - box.left - this.clientLeft + extra;
                this.scrollTo(options);
                return;
            }
        }
        const options = { behavior: behavior };
        if (pending.has('scroll-top') && this.wxBool('scroll-y'))
            options.top = toPx(this.wxProp('scroll-top'), this.scrollTop);
        if (pending.has('scroll-left') && this.wxBool('scroll-x'))
            options.left = toPx(this.wxProp('scroll-left'), this.scrollLeft);
        if ('top' in options || 'left' in options)
            this.scrollTo(options);
    }

    _scrolled() {
        const top = this.scrollTop;
        const left = this.scrollLeft;
        const deltaX = left - this._last.left;
        const deltaY = top - this._last.top;
        this._last = { top: top, left: left };
        this.wxEmit('scroll', {
            scrollLeft: left, scrollTop: top,
            scrollHeight: this.scrollHeight, scrollWidth: this.scrollWidth,
            deltaX: deltaX, deltaY: deltaY
        });
        const upper = toPx(this.wxProp('upper-threshold'), 50);
        const lower = toPx(this.wxProp('lower-threshold'), 50);
        const edges = {
            top: this.wxBool('scroll-y') && top <= upper,
            left: this.wxBool('scroll-x') && left <= upper,
            bottom: this.wxBool('scroll-y') && top + this.clientHeight >= this.scrollHeight - lower,
            right: this.wxBool('scroll-x') && left + this.clientWidth >= this.scrollWidth - lower
        };
        // Fired once on entering the threshold, moving towards the edge.
        if (edges.top && !this._edges.top && deltaY < 0)
            this.wxEmit('scrolltoupper', { direction: 'top' });
        if (edges.left && !this._edges.left && deltaX < 0)
            this.wxEmit('scrolltoupper', { direction: 'left' });
        if (edges.bottom && !this._edges.bottom && deltaY > 0)
            this.wxEmit('scrolltolower', { direction: 'bottom' });
        if (edges.right && !this._edges.right && deltaX > 0)
            this.wxEmit('scrolltolower', { direction: 'right' });
        this._edges = edges;
    }
}

// --- swiper -----------------------------------------------------------------------

export class WxSwiperItem extends WxElement {}

function easeOutCubic(t) {
    return 1 - Math.pow(1 - t, 3);
}

// Each swiper-item is slotted into a slide the swiper moves (manual slot
// assignment), so the renderer's style attribute on the items stays theirs.
export class WxSwiper extends WxElement {
    static wxReflect = ['vertical'];
    static wxBooleans = ['vertical'];

    wxInit() {
        const root = this.wxShadow({ slotAssignment: 'manual' });
        this._frame = h('div', 'wx-swiper-slide-frame');
        this._dots = h('div', 'wx-swiper-dots');
        root.append(h('div', 'wx-swiper-wrapper', [this._frame, this._dots]));
        this._slides = new Map(); // item -> slide div
        this._current = 0;
        this._offset = 0;
        this._dir = 1;
        this._frameId = 0;
        this._timer = 0;
        this._observer = new MutationObserver(() => this._sync());
        this._observer.observe(this, { childList: true });
        this.addEventListener('pointerdown', (event) => this._down(event));
        this.addEventListener('click', (event) => {
            if (this._suppressClick) {
                this._suppressClick = false;
                event.stopPropagation();
                event.preventDefault();
            }
        }, true);
    }

    wxConnected() {
        this._sync();
        this._schedule();
    }

    wxDisconnected() {
        clearTimeout(this._timer);
        cancelAnimationFrame(this._frameId);
    }

    _items() {
        return Array.from(this.children).filter(function (c) { return c.localName === 'wx-swiper-item'; });
    }

    _multiple() {
        return Math.max(1, Math.floor(toNumber(this.wxProp('display-multiple-items'), 1)));
    }

    _circular() {
        return this.wxBool('circular') && this._items().length > this._multiple();
    }

    _maxIndex() {
        const n = this._items().length;
        return this._circular() ? n - 1 : Math.max(0, n - this._multiple());
    }

    wxUpdate(changed) {
        const vertical = this.wxBool('vertical');
        const prev = toLength(this.wxProp('previous-margin'), '0px');
        const next = toLength(this.wxProp('next-margin'), '0px');
        this._frame.style.inset = vertical ? prev + ' 0 ' + next + ' 0' : '0 ' + next + ' 0 ' + prev;
        this._dots.hidden = !this.wxBool('indicator-dots');
        this._sync();
        if (changed.has('current') || changed.has('current-item-id')) {
            let target = toNumber(this.wxProp('current'), 0);
            const itemId = toStr(this.wxProp('current-item-id'));
            if (changed.has('current-item-id') && itemId) {
                const found = this._items().findIndex(function (item) { return toStr(item.wxProp && item.wxProp('item-id')) === itemId; });
                if (found >= 0)
                    target = found;
            }
            target = Math.max(0, Math.round(target));
            if (target > this._maxIndex()) {
                // Its swiper-item is not rendered yet: shown when it is.
                this._wanted = target;
            } else if (!this._started) {
                this._current = target;
                this._offset = target;
                this._layout();
            } else if (target !== this._current) {
                this._goTo(target, '');
            }
        }
        this._started = true;
        if (changed.has('autoplay') || changed.has('interval'))
            this._schedule();
    }

    // Slides for the items, in order; dots for the positions.
    _sync() {
        if (!this.shadowRoot)
            return;
        const items = this._items();
        const slides = [];
        items.forEach((item) => {
            let slide = this._slides.get(item);
            if (!slide) {
                const slot = document.createElement('slot');
                slide = h('div', 'wx-swiper-slide', [slot]);
                this._slides.set(item, slide);
            }
            slides.push(slide);
        });
        this._slides.forEach((slide, item) => {
            if (!items.includes(item))
                this._slides.delete(item);
        });
        this._frame.replaceChildren.apply(this._frame, slides);
        // Assigned once in the tree: Chromium ignores an assignment made
        // before the slot is inserted.
        items.forEach((item) => {
            const slot = this._slides.get(item).firstChild;
            if (slot.assignedNodes()[0] !== item)
                slot.assign(item);
        });
        if (this._wanted !== undefined && this._wanted <= this._maxIndex()) {
            this._current = this._wanted;
            this._offset = this._wanted;
            this._wanted = undefined;
        } else if (this._current > this._maxIndex()) {
            this._current = this._maxIndex();
            this._offset = this._current;
        }
        const positions = this._circular() ? items.length : this._maxIndex() + 1;
        const dots = this._dots;
        while (dots.children.length > positions)
            dots.lastChild.remove();
        while (dots.children.length < positions)
            dots.append(h('div', 'wx-swiper-dot'));
        this._layout();
    }

    _layout() {
        const items = this._items();
        const n = items.length;
        const multiple = this._multiple();
        const vertical = this.wxBool('vertical');
        const circular = this._circular();
        items.forEach((item, i) => {
            const slide = this._slides.get(item);
            if (!slide)
                return;
            let delta = i - this._offset;
            if (circular) {
                const low = n >= 3 ? -1 : (this._dir < 0 ? -1 : 0);
                delta = ((delta - low) % n + n) % n + low;
            }
            slide.style.width = vertical ? '100%' : (100 / multiple) + '%';
            slide.style.height = vertical ? (100 / multiple) + '%' : '100%';
            slide.style.transform = vertical ? 'translate(0, ' + (delta * 100) + '%)' : 'translate(' + (delta * 100) + '%, 0)';
        });
        const active = toStr(this.wxProp('indicator-active-color')) || '#000000';
        const color = toStr(this.wxProp('indicator-color')) || 'rgba(0, 0, 0, .3)';
        Array.from(this._dots.children).forEach((dot, i) => {
            dot.style.backgroundColor = i === this._current ? active : color;
            dot.classList.toggle('wx-swiper-dot-active', i === this._current);
        });
    }

    _slideSize() {
        const box = this._frame.getBoundingClientRect();
        const size = this.wxBool('vertical') ? box.height : box.width;
        return Math.max(1, size / this._multiple());
    }

    _normalise(index) {
        const n = this._items().length;
        return this._circular() ? ((Math.round(index) % n) + n) % n : Math.max(0, Math.min(this._maxIndex(), Math.round(index)));
    }

    // Animates to slide `target` (may be out of range when circular).
    _goTo(target, source) {
        this._wanted = undefined;
        const next = this._normalise(target);
        const changed = next !== this._current;
        this._dir = target >= this._offset ? 1 : -1;
        if (!this._circular())
            target = next;
        this._current = next;
        if (changed) {
            const item = this._items()[next];
            this.wxEmit('change', {
                current: next, currentItemId: toStr(item && item.wxProp ? item.wxProp('item-id') : ''), source: source });
        }
        this._animate(target, source);
    }

    _animate(target, source) {
        cancelAnimationFrame(this._frameId);
        const from = this._offset;
        const duration = Math.max(0, toNumber(this.wxProp('duration'), 500));
        const start = performance.now();
        const size = this._slideSize();
        const vertical = this.wxBool('vertical');
        const step = (now) => {
            const t = duration > 0 ? Math.min(1, (now - start) / duration) : 1;
            this._offset = from + (target - from) * easeOutCubic(t);
            this._layout();
            const moved = (this._offset - target) * size;
            this.wxEmit('transition', vertical ? { dx: 0, dy: moved } : { dx: moved, dy: 0 });
            if (t < 1) {
                this._frameId = requestAnimationFrame(step);
                return;
            }
            this._offset = this._current;
            this._layout();
            this.wxEmit('animationfinish', { current: this._current,
                currentItemId: this._itemId(this._current), source: source });
            this._schedule();
        };
        this._frameId = requestAnimationFrame(step);
    }

    _itemId(index) {
        const item = this._items()[index];
        return toStr(item && item.wxProp ? item.wxProp('item-id') : '');
    }

    _schedule() {
        clearTimeout(this._timer);
        if (!this.wxBool('autoplay') || !this.isConnected || this._items().length <= this._multiple())
            return;
        this._timer = setTimeout(() => {
            if (this._dragging)
                return;
            const last = this._maxIndex();
            const target = this._current >= last && !this._circular() ? 0 : this._current + 1;
            this._goTo(target, 'autoplay');
        }, Math.max(100, toNumber(this.wxProp('interval'), 5000)));
    }

    _down(event) {
        if (event.button !== 0 || this.wxBool('disable-touch') || this._items().length === 0)
            return;
        const vertical = this.wxBool('vertical');
        const start = { x: event.clientX, y: event.clientY, offset: this._offset, time: performance.now() };
        let last = { pos: vertical ? event.clientY : event.clientX, time: start.time };
        let velocity = 0;
        let dragging = false;
        const size = this._slideSize();
        const move = (e) => {
            const main = vertical ? e.clientY - start.y : e.clientX - start.x;
            const cross = vertical ? e.clientX - start.x : e.clientY - start.y;
            if (!dragging) {
                if (Math.abs(main) < 6 || Math.abs(main) < Math.abs(cross))
                    return;
                dragging = true;
                this._dragging = true;
                cancelAnimationFrame(this._frameId);
                clearTimeout(this._timer);
                // Mid-animation a circular offset may be a lap away from current.
                const n = this._items().length;
                if (this._circular())
                    start.offset -= n * Math.round((start.offset - this._current) / n);
                try {
                    this.setPointerCapture(event.pointerId);
                } catch (err) { /* the pointer is gone */ }
            }
            const now = performance.now();
            const pos = vertical ? e.clientY : e.clientX;
            if (now > last.time)
                velocity = (pos - last.pos) / (now - last.time);
            last = { pos: pos, time: now };
            let offset = start.offset - main / size;
            if (!this._circular()) {
                const max = this._maxIndex();
                if (offset < 0)
                    offset *= 0.3;
                else if (offset > max)
                    offset = max + (offset - max) * 0.3;
            }
            this._dir = offset >= this._offset ? 1 : -1;
            this._offset = offset;
            this._layout();
            const moved = (offset - this._current) * size;
            this.wxEmit('transition', vertical ? { dx: 0, dy: moved } : { dx: moved, dy: 0 });
        };
        const up = () => {
            window.removeEventListener('pointermove', move, true);
            window.removeEventListener('pointerup', up, true);
            window.removeEventListener('pointercancel', up, true);
            if (!dragging)
                return;
            this._dragging = false;
            this._suppressClick = true;
            setTimeout(() => { this._suppressClick = false; }, 0);
            let target = Math.round(this._offset);
            if (Math.abs(velocity) > 0.3)
                target = velocity < 0 ? Math.floor(this._offset) + 1 : Math.ceil(this._offset) - 1;
            target = Math.max(this._current - 1, Math.min(this._current + 1, target));
            this._goTo(target, 'touch');
        };
        window.addEventListener('pointermove', move, true);
        window.addEventListener('pointerup', up, true);
        window.addEventListener('pointercancel', up, true);
    }

    get current() { return this._current; }
}

export function defineScroll() {
    define('wx-scroll-view', WxScrollView);
    define('wx-swiper', WxSwiper);
    define('wx-swiper-item', WxSwiperItem);
}
