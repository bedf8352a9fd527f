/*
 * mpsim view: names shared by the renderer, the built-in components and the
 * automation agent. No DOM: node tests import it too.
 */

// "backgroundColor" -> "background-color" (WXML attribute and CSS names).
export function kebab(name) {
    return String(name).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

// The element a custom component's host is: its WXML tag when that is a
// valid custom-element name (it has a '-'), else "mp-<tag>" (<counter> renders
// as <mp-counter>), since only custom elements can hold a shadow root.
export function componentElementName(tag) {
    return /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(tag) ? tag : 'mp-' + String(tag).toLowerCase();
}

// The built-in tags rendered as plain elements, not custom elements
// (components/basic.js says why).
export const lightTags = new Set(['view', 'text', 'block']);
