# One place for the language level, warnings and Qt's strict defines; every target links it.
add_library(arrsm_strict INTERFACE)
add_library(Arrsm::strict ALIAS arrsm_strict)

target_compile_features(arrsm_strict INTERFACE cxx_std_17)
target_compile_definitions(arrsm_strict INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    ARRSM_VERSION="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(arrsm_strict INTERFACE /W4 /permissive- /utf-8)
    if(ARRSM_WARNINGS_AS_ERRORS)
        target_compile_options(arrsm_strict INTERFACE /WX)
    endif()
else()
    target_compile_options(arrsm_strict INTERFACE -Wall -Wextra -Wpedantic)
    if(ARRSM_WARNINGS_AS_ERRORS)
        target_compile_options(arrsm_strict INTERFACE -Werror)
    endif()
endif()

if(ARRSM_SANITIZE)
    if(MSVC)
        target_compile_options(arrsm_strict INTERFACE /fsanitize=address)
    else()
        set(sanitizers -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
        target_compile_options(arrsm_strict INTERFACE ${sanitizers})
        target_link_options(arrsm_strict INTERFACE ${sanitizers})
    endif()
endif()

if(ARRSM_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "ARRSM_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
    endif()
    set(fuzz_instrumentation -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    target_compile_options(arrsm_strict INTERFACE ${fuzz_instrumentation})
    target_link_options(arrsm_strict INTERFACE -fsanitize=address,undefined)
endif()
