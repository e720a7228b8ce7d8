#include "ui/AppStyle.h"

#include "ui/SessionStyle.h"

using namespace Qt::StringLiterals;

namespace arr {

AppStyle::AppStyle() = default;

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option, const QWidget *widget) const
{
    switch (standardIcon) {
    case SP_ToolBarHorizontalExtensionButton:
        return style::icon(u"more-horizontal"_s);
    case SP_ToolBarVerticalExtensionButton:
        return style::icon(u"more-vertical"_s);
    case SP_TitleBarNormalButton:
        return style::icon(u"dock-float"_s);
    case SP_LineEditClearButton:
        return style::icon(u"clear-text"_s);
    case SP_TitleBarCloseButton:
    case SP_DockWidgetCloseButton:
        return style::icon(u"dismiss"_s);
    default:
        break;
    }
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}

} // namespace arr
