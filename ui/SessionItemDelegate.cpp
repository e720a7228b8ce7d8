#include "ui/SessionItemDelegate.h"

#include "ui/SessionStyle.h"
#include "ui/SessionTableModel.h"

namespace arr {

QStyleOptionViewItem SessionItemDelegate::optionFor(const QModelIndex &index, const QStyleOptionViewItem &base) const
{
    QStyleOptionViewItem option = base;
    initStyleOption(&option, index);
    return option;
}

void SessionItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto status = SessionStatus(index.data(SessionTableModel::StatusRole).toInt());
    const bool stale = index.data(SessionTableModel::StaleSinceRole).toDateTime().isValid();
    switch (index.column()) {
    case SessionTableModel::StatusColumn: {
        option->icon = style::statusIcon(status);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->palette.setColor(QPalette::Text, style::statusColor(status, option->palette));
        break;
    }
    case SessionTableModel::RemainingColumn: {
        // A session being stopped has no lease left to count down.
        if (style::isBeingStopped(status, index.data(SessionTableModel::PendingCommandRole).toString())) {
            option->text = style::stoppingRemainingText();
            break;
        }
        const auto level = SessionTableModel::RemainingLevel(index.data(SessionTableModel::RemainingLevelRole).toInt());
        const QColor background = style::remainingBackground(level);
        if (!background.isValid())
            break;
        option->backgroundBrush = background;
        option->palette.setColor(QPalette::Text, style::remainingForeground(level));
        if (level == SessionTableModel::RemainingLevel::Critical)
            option->font.setBold(true);
        break;
    }
    default:
        break;
    }
    // Rows the service has not confirmed since their account stopped answering are dimmed, colours
    // included, so that nobody reads them as the current state; the tooltip says as of when.
    if (stale) {
        const QColor base = option->palette.color(QPalette::Base);
        const auto dim = [&base](const QColor &colour) {
            return QColor::fromRgbF((colour.redF() + base.redF()) / 2, (colour.greenF() + base.greenF()) / 2,
                (colour.blueF() + base.blueF()) / 2);
        };
        option->palette.setColor(QPalette::Text, dim(option->palette.color(QPalette::Text)));
        if (option->backgroundBrush.style() != Qt::NoBrush)
            option->backgroundBrush = dim(option->backgroundBrush.color());
        option->font.setItalic(true);
    }
}

} // namespace arr
