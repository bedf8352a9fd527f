#pragma once

#include <QString>

namespace mpsim::mockpanel {

// The 1-based line where the value at `pointer` (a JSON pointer, "/user/gender")
// is written in `text`: the line of its key inside an object, of the value
// itself inside an array; 1 for the empty pointer (the whole document).
// When the pointer names a member that is not there, the line of the deepest
// existing parent. Returns 0 when `text` is not JSON enough to tell.
int lineOfJsonPointer(const QString &text, const QString &pointer);

} // namespace mpsim::mockpanel
