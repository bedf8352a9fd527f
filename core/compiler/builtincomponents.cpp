#include "compiler/builtincomponents.h"

#include <algorithm>
#include <array>

namespace mpsim::core::compiler {

namespace {

// Sorted, for binary search.
constexpr std::array<std::string_view, 63> builtinTags{
    "ad",
    "ad-custom",
    "audio",
    "button",
    "camera",
    "canvas",
    "channel-live",
    "channel-video",
    "checkbox",
    "checkbox-group",
    "cover-image",
    "cover-view",
    "editor",
    "form",
    "functional-page-navigator",
    "grid-view",
    "icon",
    "image",
    "input",
    "keyboard-accessory",
    "label",
    "list-view",
    "live-player",
    "live-pusher",
    "map",
    "match-media",
    "movable-area",
    "movable-view",
    "native-component",
    "navigation-bar",
    "navigator",
    "official-account",
    "open-data",
    "page",
    "page-container",
    "page-meta",
    "picker",
    "picker-view",
    "picker-view-column",
    "progress",
    "radio",
    "radio-group",
    "rich-text",
    "root-portal",
    "scroll-view",
    "share-element",
    "slider",
    "snapshot",
    "span",
    "sticky-header",
    "sticky-section",
    "store-home",
    "store-product",
    "swiper",
    "swiper-item",
    "switch",
    "text",
    "textarea",
    "video",
    "view",
    "voip-room",
    "web-view",
    "xr-frame",
};

constexpr bool sorted()
{
    for (std::size_t i = 1; i < builtinTags.size(); ++i) {
        if (!(builtinTags[i - 1] < builtinTags[i]))
            return false;
    }
    return true;
}
static_assert(sorted(), "builtinTags must stay sorted");

} // namespace

bool isBuiltinComponent(std::string_view tag)
{
    return std::binary_search(builtinTags.begin(), builtinTags.end(), tag);
}

bool isStructuralTag(std::string_view tag)
{
    return tag == "block" || tag == "template" || tag == "import" || tag == "include"
        || tag == "wxs" || tag == "slot";
}

} // namespace mpsim::core::compiler
