#pragma once

#include <QProxyStyle>

namespace arr {

// The platform's style, with the app's own icons for the few standard ones its main window shows:
// the tool bar's and menu bar's overflow button, the request log dock's float and close buttons and
// the filter's clear button.
// The standard ones are PNG files, and the first PNG a process reads makes Qt load every image
// plug-in it has (JPEG, GIF, SVG...) to ask each whether it reads PNG: milliseconds before the
// first window, for four small icons.
class AppStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    AppStyle();

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
        const QWidget *widget = nullptr) const override;
};

} // namespace arr
