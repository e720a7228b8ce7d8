# Windows: a version resource in each program (the app's with the icon), Qt deployed next to the
# programs by windeployqt through qt_generate_deploy_app_script, and an NSIS installer (plus a zip).
# Included from packaging/CMakeLists.txt; built by the windows job of .github/workflows/build.yml,
# never on our Linux machines. MSVC and MinGW enable the RC language with CXX.

set(ARRSM_APP_ICON_ICO ${ARRSM_APP_ICON_DIR}/arr-session-manager.ico)

foreach(program IN ITEMS arr-session-manager arrsm arr-emulator)
    set(ARRSM_RC_NAME ${program})
    set(ARRSM_RC_ICON "")
    if(program STREQUAL "arr-session-manager")
        set(ARRSM_RC_DESCRIPTION "ARR Session Manager")
        # The first icon in the file is the one Explorer and the taskbar show.
        set(ARRSM_RC_ICON "IDI_ICON1 ICON \"${ARRSM_APP_ICON_ICO}\"")
    elseif(program STREQUAL "arrsm")
        set(ARRSM_RC_DESCRIPTION "ARR Session Manager command line")
    else()
        set(ARRSM_RC_DESCRIPTION "ARR Session Manager service emulator")
    endif()
    configure_file(windows/version.rc.in ${CMAKE_CURRENT_BINARY_DIR}/${program}.rc @ONLY)
    target_sources(${program} PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/${program}.rc)
endforeach()

# windeployqt copies the Qt libraries and plugins the app uses into bin/ and plugins/ and writes
# bin/qt.conf; arrsm and arr-emulator use a subset of them. It runs at install time (cmake --install,
# cpack).
if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET arr-session-manager OUTPUT_SCRIPT arrsm_deploy_script)
else()
    qt_generate_deploy_app_script(TARGET arr-session-manager FILENAME_VARIABLE arrsm_deploy_script)
endif()
install(SCRIPT ${arrsm_deploy_script})

# What windeployqt does not see. QtKeychain is not a Qt module. The icons are SVG, drawn by the SVG
# icon-engine and image-format plugins, which windeployqt copies only for programs that link Qt SVG
# themselves.
get_target_property(arrsm_keychain_target Qt6Keychain::Qt6Keychain ALIASED_TARGET)
if(NOT arrsm_keychain_target)
    set(arrsm_keychain_target Qt6Keychain::Qt6Keychain)
endif()
install(IMPORTED_RUNTIME_ARTIFACTS ${arrsm_keychain_target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
find_package(Qt6 REQUIRED COMPONENTS Svg)
install(IMPORTED_RUNTIME_ARTIFACTS Qt6::Svg RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET Qt6::QSvgIconPlugin)
    install(IMPORTED_RUNTIME_ARTIFACTS Qt6::QSvgIconPlugin LIBRARY DESTINATION plugins/iconengines)
endif()
if(TARGET Qt6::QSvgPlugin)
    install(IMPORTED_RUNTIME_ARTIFACTS Qt6::QSvgPlugin LIBRARY DESTINATION plugins/imageformats)
endif()
# The compiler's run-time libraries (MSVC: msvcp140.dll and friends).
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_NSIS_PACKAGE_NAME "ARR Session Manager")
set(CPACK_NSIS_DISPLAY_NAME "ARR Session Manager ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON ${ARRSM_APP_ICON_ICO})
set(CPACK_NSIS_MUI_UNIICON ${ARRSM_APP_ICON_ICO})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\arr-session-manager.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN arr-session-manager.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Offers to put bin\ on PATH, for arrsm in a terminal.
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "ARR Session Manager")
set(CPACK_CREATE_DESKTOP_LINKS arr-session-manager)
