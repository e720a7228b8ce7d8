#include "ui/SessionStyle.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

// The icons are embedded by resources/arrsm.qrc into this static library; a program links its
// resource data only when something refers to it, as this does. Q_INIT_RESOURCE declares a global
// function, so this stays outside every namespace.
static void initIconResources()
{
    Q_INIT_RESOURCE(arrsm);
}

namespace arr::style {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

bool isBeingStopped(SessionStatus status, const QString &pendingCommand)
{
    if (status == SessionStatus::Stopping)
        return true;
    // The monitor describes a stop in progress in these words (translated in its own context); the
    // table model carries only the description.
    return !pendingCommand.isEmpty()
        && pendingCommand == QCoreApplication::translate("arr::SessionMonitor", "stop requested");
}

QString stoppingRemainingText()
{
    return QCoreApplication::translate("arr::style", "– (stopping)");
}

BarColors barColors(BarKind kind, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (kind) {
    case BarKind::Information:
        return dark ? BarColors{QColor(0x0c, 0x2d, 0x48), QColor(0x31, 0x8a, 0xd8), QColor(0xe6, 0xed, 0xf3)}
                    : BarColors{QColor(0xdd, 0xf4, 0xff), QColor(0x54, 0xae, 0xff), QColor(0x1f, 0x23, 0x28)};
    case BarKind::Warning:
        return dark ? BarColors{QColor(0x3b, 0x2e, 0x05), QColor(0xbb, 0x80, 0x09), QColor(0xf0, 0xe6, 0xc8)}
                    : BarColors{QColor(0xff, 0xf8, 0xc5), QColor(0xd4, 0xa7, 0x2c), QColor(0x1f, 0x23, 0x28)};
    case BarKind::Error:
        break;
    }
    return dark ? BarColors{QColor(0x49, 0x12, 0x14), QColor(0xda, 0x36, 0x33), QColor(0xff, 0xe2, 0xe0)}
                : BarColors{QColor(0xff, 0xeb, 0xe9), QColor(0xff, 0x81, 0x82), QColor(0x1f, 0x23, 0x28)};
}

QColor statusColor(SessionStatus status, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case SessionStatus::Ready:
        return dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
    case SessionStatus::Starting:
        return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x09, 0x69, 0xda);
    case SessionStatus::Stopping:
    case SessionStatus::Stopped:
    case SessionStatus::None:
        return dark ? QColor(0x9d, 0xa7, 0xb1) : QColor(0x57, 0x60, 0x6a);
    case SessionStatus::Expired:
        return dark ? QColor(0xf0, 0x88, 0x3e) : QColor(0xbc, 0x4c, 0x00);
    case SessionStatus::Error:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    case SessionStatus::Unknown:
        break;
    }
    return dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf);
}

QIcon statusIcon(SessionStatus status)
{
    switch (status) {
    case SessionStatus::Ready:
        return icon(u"status-ready"_s);
    case SessionStatus::Starting:
        return icon(u"status-starting"_s);
    case SessionStatus::Stopping:
        return icon(u"status-stopping"_s);
    case SessionStatus::Stopped:
    case SessionStatus::None:
        return icon(u"status-stopped"_s);
    case SessionStatus::Expired:
        return icon(u"status-expired"_s);
    case SessionStatus::Error:
        return icon(u"status-error"_s);
    case SessionStatus::Unknown:
        break;
    }
    return icon(u"status-unknown"_s);
}

QColor remainingBackground(SessionTableModel::RemainingLevel level)
{
    switch (level) {
    case SessionTableModel::RemainingLevel::Warning:
        return QColor(0xff, 0xd3, 0x3d);
    case SessionTableModel::RemainingLevel::Critical:
        return QColor(0xc9, 0x1c, 0x1c);
    case SessionTableModel::RemainingLevel::Unknown:
    case SessionTableModel::RemainingLevel::Normal:
        break;
    }
    return {};
}

QColor remainingForeground(SessionTableModel::RemainingLevel level)
{
    switch (level) {
    case SessionTableModel::RemainingLevel::Warning:
        return QColor(0x24, 0x1a, 0x00);
    case SessionTableModel::RemainingLevel::Critical:
        return QColor(Qt::white);
    case SessionTableModel::RemainingLevel::Unknown:
    case SessionTableModel::RemainingLevel::Normal:
        break;
    }
    return {};
}

QIcon icon(const QString &name)
{
    static const bool resourcesReady = (initIconResources(), true);
    Q_UNUSED(resourcesReady)
    // One QIcon per name for the whole run: a new one would parse its SVG again, and, being a new
    // engine, miss the pixmaps the last one rendered; the table asks for a status icon for every
    // cell it measures or paints.
    static QHash<QString, QIcon> loaded;
    auto found = loaded.constFind(name);
    if (found == loaded.constEnd())
        found = loaded.insert(name, QIcon(u":/icons/"_s + name + u".svg"_s));
    return *found;
}

QIcon appIcon()
{
    return icon(u"app"_s);
}

} // namespace arr::style
