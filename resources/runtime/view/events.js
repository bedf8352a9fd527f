/*
 * mpsim view: mini-program events.
 *
 * Pointer input on a page becomes the platform's touch events (touchstart,
 * touchmove, touchend, touchcancel), tap and longpress/longtap; built-in
 * components fire their own events (input, change, submit...) with emit();
 * custom components' triggerEvent arrives from the logic layer. Each is
 * dispatched through the templates' bindings:
 *
 *   capture-bind / capture-catch   outermost -> target, before bubbling
 *   bind / catch                   target -> outermost (catch stops there)
 *   mut-bind                       like bind, but once one mut-bind handler
 *                                  ran, other mut-bind handlers are skipped
 *
 * Touch events, tap and longpress bubble across custom component boundaries
 * (as on a device); component events bubble only when fired with
 * { bubbles: true } and cross a component boundary only with { composed: true }.
 * A handler runs in the logic layer as method `handler` of the template's
 * owner (page or component), through the sender given to setEventSender().
 *
 * emit(element, type, detail, options) fires `type` from `element` with
 * `detail`; options = { bubbles, composed, capturePhase, touches,
 * changedTouches }. It also dispatches a DOM CustomEvent "wx:<type>" on the
 * element (not bubbling), which tests and automation can listen for.
 */

let sendEvent = function () {};
const LongPressMs = 350;
const TapSlopPx = 10;

// sender(ownerTree, handler, event, gesture) runs a handler in the logic layer.
export function setEventSender(sender) {
    sendEvent = sender;
}

// The element's parent in the composed tree: through a shadow root to its
// host only when `composed`.
function parentOf(node, composed) {
    const parent = node.parentNode;
    if (!parent)
        return null;
    if (parent.nodeType === 11) // a shadow root
        return composed && parent.host ? parent.host : null;
    return parent;
}

// The rendered elements an event passes, innermost first.
function pathFrom(element, composed) {
    const path = [];
    for (let node = element; node; node = parentOf(node, composed)) {
        if (node.nodeType === 1 && node.__vnode)
            path.push(node);
    }
    return path;
}

function describe(element) {
    const vnode = element.__vnode || {};
    return {
        id: element.id || '',
        offsetLeft: element.offsetLeft | 0,
        offsetTop: element.offsetTop | 0,
        dataset: Object.assign({}, vnode.dataset || {})
    };
}

// Marks of the target and its ancestors (inner ones win).
function marksOf(path) {
    const mark = {};
    for (let i = path.length - 1; i >= 0; i -= 1)
        Object.assign(mark, (path[i].__vnode && path[i].__vnode.marks) || {});
    return mark;
}

function bindingsFor(element, type) {
    const on = element.__vnode && element.__vnode.on;
    if (!on || on.length === 0)
        return null;
    let found = null;
    for (const binding of on) {
        if (binding.event === type) {
            found = found || [];
            found.push(binding);
        }
    }
    return found;
}

// The target as a handler on `element` sees it: the innermost node of the
// path rendered by the same template (a component's insides are hidden
// behind its host).
function targetFor(path, element) {
    for (const node of path) {
        if (node.__owner === element.__owner)
            return node;
    }
    return element;
}

function dispatch(path, type, detail, options) {
    if (path.length === 0)
        return;
    const bubbles = options.bubbles !== false;
    const timeStamp = Math.round(performance.now());
    const mark = marksOf(path);
    const gesture = type === 'tap' || type === 'longpress' || type === 'longtap' || type === 'touchend';
    let stopped = false;
    let mutDone = false;

    function run(element, binding) {
        if (binding.mut) {
            if (mutDone)
                return;
            mutDone = true;
        }
        if (typeof binding.handler !== 'string' || binding.handler === '') {
            if (binding.handler !== '' && binding.handler != null)
                console.warn('[mpsim] a non-string event handler (WXS event response) is not supported for "'
                             + type + '"');
            return;
        }
        const target = targetFor(path, element);
        sendEvent(element.__owner, binding.handler, {
            type: type,
            timeStamp: timeStamp,
            target: describe(target),
            currentTarget: describe(element),
            detail: detail === undefined ? {} : detail,
            touches: options.touches || [],
            changedTouches: options.changedTouches || [],
            mark: mark
        }, gesture);
        if (binding.catch)
            stopped = true;
    }

    // Capture: outermost first.
    if (options.capturePhase !== false) {
        for (let i = path.length - 1; i >= 0 && !stopped; i -= 1) {
            const bindings = bindingsFor(path[i], type);
            if (!bindings)
                continue;
            for (const binding of bindings) {
                if (binding.capture && !stopped)
                    run(path[i], binding);
            }
        }
    }
    // Bubble: the target, then (for bubbling events) its ancestors.
    const last = bubbles ? path.length : 1;
    for (let i = 0; i < last && !stopped; i += 1) {
        const bindings = bindingsFor(path[i], type);
        if (!bindings)
            continue;
        for (const binding of bindings) {
            if (!binding.capture && !stopped)
                run(path[i], binding);
        }
    }
}

// model:value="{{path}}" two-way bindings: a component event carrying a new
// value writes it back to the owner's data.
let sendModel = function () {};
export function setModelSender(sender) {
    sendModel = sender;
}

const modelAttributeOf = { input: ['value'], change: ['value', 'checked'], changing: ['value'] };

function applyModel(element, type, detail) {
    const model = element.__vnode && element.__vnode.model;
    if (!model || !detail || !('value' in detail))
        return;
    for (const attribute of modelAttributeOf[type] || []) {
        if (typeof model[attribute] === 'string')
            sendModel(element.__owner, model[attribute], detail.value);
    }
}

export function emit(element, type, detail, options) {
    options = options || {};
    element.dispatchEvent(new CustomEvent('wx:' + type, { detail: detail }));
    applyModel(element, type, detail);
    const path = options.bubbles ? pathFrom(element, !!options.composed) : (element.__vnode ? [element] : []);
    dispatch(path, type, detail, { bubbles: !!options.bubbles, capturePhase: !!options.capturePhase,
                                   touches: options.touches, changedTouches: options.changedTouches });
}

// A custom component's triggerEvent: fired from its host element.
export function emitFromHost(host, type, detail, options) {
    options = options || {};
    host.dispatchEvent(new CustomEvent('wx:' + type, { detail: detail }));
    const path = options.bubbles ? pathFrom(host, !!options.composed) : (host.__vnode ? [host] : []);
    dispatch(path, type, detail, { bubbles: !!options.bubbles, capturePhase: !!options.capturePhase });
}

function touchOf(event, target) {
    return {
        identifier: event.pointerId | 0,
        pageX: event.pageX, pageY: event.pageY,
        clientX: event.clientX, clientY: event.clientY,
        force: event.pressure || 1
    };
}

function innermostRendered(event) {
    const composedPath = event.composedPath();
    for (const node of composedPath) {
        if (node.nodeType === 1 && node.__vnode)
            return node;
    }
    return null;
}

function hasBinding(path, types) {
    for (const element of path) {
        const on = element.__vnode && element.__vnode.on;
        if (on && on.some((binding) => types.indexOf(binding.event) >= 0))
            return true;
    }
    return false;
}

/*
 * Listens for pointer input under `root` (a page's container; events from
 * inside its shadow roots arrive composed) and fires the platform's touch
 * events, tap and longpress.
 */
export function listenForTouches(root) {
    let active = null; // { pointerId, path, startX, startY, moved, timer, longPressed }

    function fire(type, path, event, extra) {
        const touch = touchOf(event);
        const touches = type === 'touchend' || type === 'touchcancel' ? [] : [touch];
        dispatch(path, type, extra || {}, { bubbles: true, touches: touches, changedTouches: [touch] });
    }

    root.addEventListener('pointerdown', (event) => {
        if (event.button !== 0)
            return;
        const target = innermostRendered(event);
        if (!target)
            return;
        const path = pathFrom(target, true);
        active = { pointerId: event.pointerId, path: path, startX: event.clientX, startY: event.clientY,
                   moved: false, longPressed: false, timer: 0 };
        fire('touchstart', path, event);
        if (hasBinding(path, ['longpress', 'longtap'])) {
            const state = active;
            state.timer = setTimeout(() => {
                if (active !== state || state.moved)
                    return;
                state.longPressed = true;
                const detail = { x: state.startX, y: state.startY };
                dispatch(state.path, 'longpress', detail, { bubbles: true });
                dispatch(state.path, 'longtap', detail, { bubbles: true });
            }, LongPressMs);
        }
    }, true);

    root.addEventListener('pointermove', (event) => {
        if (!active || event.pointerId !== active.pointerId)
            return;
        if (Math.abs(event.clientX - active.startX) > TapSlopPx || Math.abs(event.clientY - active.startY) > TapSlopPx)
            active.moved = true;
        if (hasBinding(active.path, ['touchmove']))
            fire('touchmove', active.path, event);
    }, true);

    function finish(event, type) {
        if (!active || event.pointerId !== active.pointerId)
            return;
        clearTimeout(active.timer);
        fire(type, active.path, event);
        // No tap after a long press that was handled, nor after a drag (a
        // swiper swiped, a slider slid, a list scrolled by touch). The click
        // that follows pointerup comes in the same task; if none comes (the
        // pointer left the element) the next real click must not be eaten.
        const suppress = (active.longPressed && hasBinding(active.path, ['longpress'])) || active.moved;
        root.__mpsimSuppressTap = suppress;
        if (suppress)
            setTimeout(() => { root.__mpsimSuppressTap = false; }, 0);
        active = null;
    }
    root.addEventListener('pointerup', (event) => finish(event, 'touchend'), true);
    root.addEventListener('pointercancel', (event) => finish(event, 'touchcancel'), true);

    // A click is a tap (mouse or touch; also element.click() from automation).
    root.addEventListener('click', (event) => {
        if (root.__mpsimSuppressTap) {
            root.__mpsimSuppressTap = false;
            return;
        }
        const target = innermostRendered(event);
        if (!target)
            return;
        const rect = root.getBoundingClientRect();
        dispatch(pathFrom(target, true), 'tap', { x: event.clientX - rect.left, y: event.clientY - rect.top },
                 { bubbles: true, touches: [], changedTouches: [touchOf(event)] });
    }, true);
}
