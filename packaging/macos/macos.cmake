# macOS: arr-session-manager.app with its Info.plist and icon, arrsm and arr-emulator inside it
# (Contents/MacOS, see ARRSM_INSTALL_BINDIR), Qt deployed into the bundle by macdeployqt through
# qt_generate_deploy_app_script, and a DMG (CPack DragNDrop) with the app and a link to
# /Applications. Included from packaging/CMakeLists.txt; built by the macos job of
# .github/workflows/build.yml, never on our Linux machines.

set(ARRSM_APP_ICON_ICNS ${ARRSM_APP_ICON_DIR}/arr-session-manager.icns)

target_sources(arr-session-manager PRIVATE ${ARRSM_APP_ICON_ICNS})
set_source_files_properties(${ARRSM_APP_ICON_ICNS} TARGET_DIRECTORY arr-session-manager
    PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(arr-session-manager PROPERTIES
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
    MACOSX_BUNDLE_ICON_FILE arr-session-manager.icns
    MACOSX_BUNDLE_INFO_STRING "ARR Session Manager ${PROJECT_VERSION}"
    MACOSX_BUNDLE_COPYRIGHT "The ARR Session Manager developers")

# The app's icons are SVG, drawn by Qt's SVG icon-engine and image-format plugins, which macdeployqt
# deploys only into bundles whose executable links Qt SVG; the linker keeps that dependency on macOS
# even though no symbol is used.
find_package(Qt6 REQUIRED COMPONENTS Svg)
target_link_libraries(arr-session-manager PRIVATE Qt6::Svg)

# The installed programs keep the directories of the libraries they link (Qt's, QtKeychain's) as run
# paths, so that macdeployqt can resolve their @rpath references when it copies them into
# Contents/Frameworks. The command-line programs sit in Contents/MacOS and load those frameworks.
set_target_properties(arr-session-manager arrsm arr-emulator PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
set_target_properties(arrsm arr-emulator PROPERTIES INSTALL_RPATH "@executable_path/../Frameworks")

if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET arr-session-manager OUTPUT_SCRIPT arrsm_deploy_script)
else()
    qt_generate_deploy_app_script(TARGET arr-session-manager FILENAME_VARIABLE arrsm_deploy_script)
endif()
install(SCRIPT ${arrsm_deploy_script})

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "ARR Session Manager")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_ICON ${ARRSM_APP_ICON_ICNS})
