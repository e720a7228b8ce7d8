# Linux: desktop integration under share/ and a .deb whose dependencies dpkg-shlibdeps finds.
# Included from packaging/CMakeLists.txt.

set(ARRSM_METAINFO_FILE ${PROJECT_SOURCE_DIR}/resources/org.arrsessionmanager.ArrSessionManager.metainfo.xml)

# The desktop entry's basename is the app's desktop file name (QGuiApplication::setDesktopFileName in
# desktop/main.cpp), so that window managers match the running window to it.
install(FILES ${PROJECT_SOURCE_DIR}/resources/arr-session-manager.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${ARRSM_METAINFO_FILE}
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME arr-session-manager.svg)
# PNG sizes made from app.svg by resources/icons/app/generate.
install(DIRECTORY ${ARRSM_APP_ICON_DIR}/hicolor
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons
    FILES_MATCHING PATTERN "*.png")

set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries the programs link come from dpkg-shlibdeps (dpkg-dev). What they load at run time is
# added by hand: the SVG plugins (libqt6svg6: the icon engine and image format), which draw every
# icon of the app (embedded SVG) and the desktop's icon theme, and, where the distribution splits
# them out (Ubuntu), the xcb/Wayland platform plugins (qt6-qpa-plugins).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(ARRSM_DEB_EXTRA_DEPENDS "libqt6svg6, qt6-qpa-plugins"
    CACHE STRING "Run-time dependencies of the .deb that dpkg-shlibdeps cannot see (plugins)")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${ARRSM_DEB_EXTRA_DEPENDS}")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
# The account keys go to the Secret Service; without one the app keeps them in memory only.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager")

# `arrsm watch` as a systemd user service (each user enables it: systemctl --user enable --now
# arrsm-watch), its ExecStart pointing at where arrsm is installed; and the Prometheus alert rules on
# its metrics, for a prometheus.yml to load from /usr/share/arr-session-manager/monitoring.
file(READ ${PROJECT_SOURCE_DIR}/packaging/systemd/arrsm-watch.service ARRSM_WATCH_UNIT)
string(REPLACE "/usr/bin/arrsm " "${CMAKE_INSTALL_FULL_BINDIR}/arrsm " ARRSM_WATCH_UNIT "${ARRSM_WATCH_UNIT}")
file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/arrsm-watch.service CONTENT "${ARRSM_WATCH_UNIT}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/packaging/systemd/arrsm-watch.service)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/arrsm-watch.service DESTINATION lib/systemd/user)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/monitoring/arrsm-alerts.yml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/arr-session-manager/monitoring)
