/*
 * mpsim view: mini-program events. (Being written; this is the contract the
 * built-in components rely on.)
 *
 * emit(element, type, detail, options) fires the mini-program event `type`
 * from `element` (a built-in component or a custom component host) with
 * `detail`. options = { bubbles: false, composed: false, capturePhase: false,
 * touches: [], changedTouches: [] }. It runs the handlers bound in the
 * templates (bind/catch/capture-bind/capture-catch/mut-bind) and always also
 * dispatches a DOM CustomEvent named "wx:<type>" on `element` (not bubbling,
 * detail = the event's detail), which tests and automation can listen for.
 */
export function emit(element, type, detail, options) {
    element.dispatchEvent(new CustomEvent('wx:' + type, { detail: detail }));
}
