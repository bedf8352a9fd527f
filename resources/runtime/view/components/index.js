/*
 * mpsim view: the built-in components, as custom elements named "wx-<tag>".
 *
 *   defineBuiltins()      registers every element (once; safe to call again)
 *   builtinTags           the WXML tag names implemented here ("view", ...)
 *   lightTags             those of them that are plain elements, not custom
 *                         elements (view, text, block: basic.js says why)
 *   setLightProps(element, tag, props)  their WXML properties
 *   builtinStyleSheet()   the shared constructable stylesheet of their
 *                         default look (builtin.css), for the renderer to
 *                         adopt into every page's and custom component's
 *                         shadow root
 *
 * The renderer hands each custom element its WXML attributes with
 * wxSet(name, value) and calls wxFlush() after a render pass (see base.js). Elements
 * fire mini-program events through events.js emit(); taps and touches are
 * left to the event system. Form fields expose wxFormName(), wxFormValue()
 * and wxFormReset() to <form>.
 *
 * This module waits for its two stylesheets at load (top-level await), so
 * builtinStyleSheet() is ready as soon as the import resolves.
 */

import { preloadCss, sheetFor } from './base.js';
import { defineBasic } from './basic.js';
import { defineButton } from './button.js';
import { defineFields } from './fields.js';
import { defineMedia } from './media.js';
import { definePicker } from './picker.js';
import { defineScroll } from './scroll.js';

export { lightTags, setLightProps } from './basic.js';
export { sanitizeRichText } from './media.js';

await Promise.all([preloadCss('builtin.css'), preloadCss('internal.css')]);

export const builtinTags = new Set([
    'view', 'text', 'block', 'button', 'image', 'icon', 'input', 'textarea', 'switch',
    'checkbox', 'checkbox-group', 'radio', 'radio-group', 'slider', 'picker', 'picker-view',
    'picker-view-column', 'form', 'label', 'navigator', 'scroll-view', 'swiper', 'swiper-item',
    'progress', 'rich-text', 'open-data', 'movable-area', 'movable-view', 'cover-view', 'cover-image'
]);

let defined = false;

export function defineBuiltins() {
    if (defined)
        return;
    defined = true;
    defineBasic();
    defineButton();
    defineFields();
    defineMedia();
    definePicker();
    defineScroll();
}

export function builtinStyleSheet() {
    return sheetFor('builtin.css');
}
