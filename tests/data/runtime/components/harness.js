// Test harness for the built-in components (tests/app/runtime/builtincomponentstests.cpp):
// creates elements the way the renderer does (wxSet per WXML attribute, then
// wxFlush; setLightProps for view/text/block) and records the `wx:<type>` DOM events every component fires.
import * as components from 'mpsim://runtime/view/components/index.js';
import { services } from 'mpsim://runtime/view/services.js';

components.defineBuiltins();
components.defineBuiltins(); // a second call is harmless
document.adoptedStyleSheets = [components.builtinStyleSheet()];

const EVENT_TYPES = ['input', 'focus', 'blur', 'confirm', 'change', 'changing', 'columnchange', 'cancel',
    'submit', 'reset', 'load', 'error', 'getuserinfo', 'opensetting', 'contact', 'getphonenumber',
    'chooseavatar', 'agreeprivacyauthorization', 'scroll', 'scrolltoupper', 'scrolltolower',
    'animationfinish', 'linechange', 'activeend', 'pickstart', 'pickend', 'fail', 'complete'];

const log = [];
const navigations = [];
services.navigate = function (request) { navigations.push(request); };

function record(element) {
    EVENT_TYPES.forEach(function (type) {
        element.addEventListener('wx:' + type, function (event) {
            log.push({ id: element.id, type: type, detail: JSON.parse(JSON.stringify(event.detail === undefined ? null : event.detail)) });
        });
    });
}

// make('button', {id: 'b', type: 'primary', text: 'OK'}, parent): id/class/style
// become DOM attributes (as the renderer sets them), text a text child, the
// rest go through wxSet (setLightProps for the plain view/text/block).
function make(tag, props, parent) {
    const element = document.createElement('wx-' + tag);
    const light = {};
    Object.entries(props || {}).forEach(function ([name, value]) {
        if (name === 'id' || name === 'class' || name === 'style')
            element.setAttribute(name, value);
        else if (name === 'text')
            element.textContent = value;
        else if (components.lightTags.has(tag))
            light[name] = value;
        else
            element.wxSet(name, value);
    });
    (parent || document.getElementById('root') || document.body).append(element);
    if (components.lightTags.has(tag))
        components.setLightProps(element, tag, light);
    else
        element.wxFlush();
    record(element);
    return element;
}

function events(type) {
    return log.filter(function (entry) { return !type || entry.type === type; });
}

function rect(element) {
    const r = element.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, top: r.top, width: r.width, height: r.height };
}

function clear() {
    log.length = 0;
    navigations.length = 0;
    const root = document.getElementById('root');
    if (root)
        root.replaceChildren();
}

function nextFrame() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
}

window.harness = { components, services, log, navigations, make, events, rect, clear, nextFrame };
window.harnessReady = true;
