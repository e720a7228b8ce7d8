#pragma once

#include <QStyledItemDelegate>

namespace arr {

// Paints the session table: the status cell gets its colour and icon, the remaining-lease cell turns
// amber, then red, as the lease runs out (by the model's RemainingLevelRole), in bold when critical.
class SessionItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The option a cell is painted with (for tests and for the details pane's matching colours).
    QStyleOptionViewItem optionFor(const QModelIndex &index, const QStyleOptionViewItem &base = {}) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace arr
