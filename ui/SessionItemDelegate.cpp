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
    switch (index.column()) {
    case SessionTableModel::StatusColumn: {
        const auto status = SessionStatus(index.data(SessionTableModel::StatusRole).toInt());
        option->icon = style::statusIcon(status);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->palette.setColor(QPalette::Text, style::statusColor(status, option->palette));
        break;
    }
    case SessionTableModel::RemainingColumn: {
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
}

} // namespace arr
