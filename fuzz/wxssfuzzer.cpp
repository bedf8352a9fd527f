// libFuzzer target: the WXSS compiler (rpx, @import with cycles, selector
// mapping) on one arbitrary file, also importable as "b.wxss" and itself.
// Never crashes, whatever the input.

#include "compiler/sourceloader.h"
#include "compiler/wxsscompiler.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace mpsim::core::compiler;
    const std::string text(reinterpret_cast<const char *>(data), size);
    MemorySourceLoader loader;
    loader.add("styles/a.wxss", text);
    loader.add("styles/b.wxss", text);
    const auto result = WxssCompiler(loader).compile("styles/a.wxss");
    (void)mapWxssSelector(text);
    for (const auto &diagnostic : result.diagnostics) {
        if (diagnostic.toString().empty())
            __builtin_trap();
    }
    return 0;
}
