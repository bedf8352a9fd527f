// libFuzzer target: the whole WXML pipeline (parser, expressions, includes,
// imports, wxs, code generation) on one arbitrary file. The input is also
// available as "b.wxml" and "u.wxs", so includes, imports and wxs src of
// themselves (cycles) are exercised. Never crashes, whatever the input.

#include "compiler/sourceloader.h"
#include "compiler/wxmlcompiler.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace mpsim::core::compiler;
    const std::string text(reinterpret_cast<const char *>(data), size);
    MemorySourceLoader loader;
    loader.add("pages/a.wxml", text);
    loader.add("pages/b.wxml", text);
    loader.add("pages/u.wxs", text);
    WxmlCompileOptions options;
    options.components = std::set<std::string>{"t-button"};
    const auto result = WxmlCompiler(loader).compile("pages/a.wxml", options);
    // Every diagnostic must be printable and located inside the file.
    for (const auto &diagnostic : result.diagnostics) {
        if (diagnostic.toString().empty() || diagnostic.line < 0 || diagnostic.column < 0)
            __builtin_trap();
    }
    return 0;
}
