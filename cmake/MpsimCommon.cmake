# Shared compile settings: every mpsim target links mpsim_common (an INTERFACE
# target), so warnings, sanitizers and Qt definitions are set in one place.

find_program(MPSIM_CCACHE ccache)
if(MPSIM_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${MPSIM_CCACHE}")
endif()

add_library(mpsim_common INTERFACE)
target_compile_options(mpsim_common INTERFACE -Wall -Wextra -Wpedantic)
if(MPSIM_WARNINGS_AS_ERRORS)
    target_compile_options(mpsim_common INTERFACE -Werror)
endif()
if(MPSIM_SANITIZE)
    target_compile_options(mpsim_common INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(mpsim_common INTERFACE -fsanitize=address,undefined)
endif()

# Qt definitions for the Qt layers only (qBittorrent's CommonConfig.cmake).
add_library(mpsim_qt_common INTERFACE)
target_link_libraries(mpsim_qt_common INTERFACE mpsim_common)
target_compile_definitions(mpsim_qt_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
