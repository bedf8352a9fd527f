#pragma once

#include <string_view>

namespace mpsim::core::compiler {

// True for the platform's built-in component tags (view, text, button,
// scroll-view, ...), which the runtime renders as `wx-<tag>` custom elements.
// Structural WXML tags (block, template, import, include, wxs, slot) are not
// components and give false.
bool isBuiltinComponent(std::string_view tag);

// True for the tags WXML handles itself: block, template, import, include, wxs, slot.
bool isStructuralTag(std::string_view tag);

} // namespace mpsim::core::compiler
