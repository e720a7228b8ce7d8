#pragma once

#include <QHeaderView>

namespace arr {

// The column header of the app's tables, which select whole rows. It measures each title in the
// font it draws it with: QHeaderView measures in bold, for the bold it draws a fully selected
// column's title in. With rows selected that highlight means nothing (select all and every title
// turns bold), so it is off here, and the bold face, loaded only to be measured, was the second
// font the first window loaded.
class TableHeader : public QHeaderView
{
    Q_OBJECT

public:
    explicit TableHeader(QWidget *parent = nullptr);

protected:
    QSize sectionSizeFromContents(int logicalIndex) const override;
};

} // namespace arr
