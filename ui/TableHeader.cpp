#include "ui/TableHeader.h"

#include <QFontMetrics>
#include <QIcon>
#include <QStyleOptionHeader>

namespace arr {

TableHeader::TableHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    // As QTableView's own header: a click sorts, or selects the column.
    setSectionsClickable(true);
    setHighlightSections(false);
}

QSize TableHeader::sectionSizeFromContents(int logicalIndex) const
{
    const QAbstractItemModel *source = model();
    if (!source)
        return {};
    // A size the model asks for wins, as in QHeaderView.
    const QVariant requested = source->headerData(logicalIndex, orientation(), Qt::SizeHintRole);
    if (requested.isValid())
        return requested.toSize();

    QStyleOptionHeader option;
    initStyleOption(&option);
    option.section = logicalIndex;
    const QVariant titleFont = source->headerData(logicalIndex, orientation(), Qt::FontRole);
    option.fontMetrics = QFontMetrics(titleFont.canConvert<QFont>() ? titleFont.value<QFont>() : font());
    option.text = source->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    const QVariant decoration = source->headerData(logicalIndex, orientation(), Qt::DecorationRole);
    if (decoration.canConvert<QIcon>())
        option.icon = decoration.value<QIcon>();
    QSize size = style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), this);
    // Room for the sort arrow beside the title, which the style leaves out.
    if (isSortIndicatorShown()) {
        const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, &option, this);
        if (orientation() == Qt::Horizontal)
            size.rwidth() += size.height() + margin;
        else
            size.rheight() += size.width() + margin;
    }
    return size;
}

} // namespace arr
