#include "ui/WidgetHelpers.h"

#include "ui/SessionStyle.h"

#include <QAbstractSpinBox>
#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSize>
#include <QTableView>

#include <algorithm>

namespace arr {

void whenSpinBoxEdited(QAbstractSpinBox *spin, QObject *context, std::function<void()> callback)
{
    // The editor is the spin box's own child; there is no public accessor for it.
    if (auto *editor = spin->findChild<QLineEdit *>())
        QObject::connect(editor, &QLineEdit::textChanged, context, [callback] { callback(); });
}

void styleAsProblem(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(
        QPalette::WindowText, style::isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e));
    label->setPalette(palette);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void addLabelled(QBoxLayout *row, const QString &text, QWidget *widget)
{
    auto *label = new QLabel(text, widget->parentWidget());
    label->setBuddy(widget);
    row->addWidget(label);
    row->addWidget(widget);
}

void addColumnToggles(QMenu *menu, QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    const bool lastVisible = header->count() - header->hiddenSectionCount() <= 1;
    for (int column = 0; column < header->count(); ++column) {
        QAction *toggle = menu->addAction(view->model()->headerData(column, Qt::Horizontal).toString());
        toggle->setCheckable(true);
        const bool hidden = header->isSectionHidden(column);
        toggle->setChecked(!hidden);
        // A table without columns cannot be used, nor its header right-clicked to bring one back.
        toggle->setEnabled(hidden || !lastVisible);
        QObject::connect(toggle, &QAction::toggled, header, [header, column](bool on) {
            if (on || header->count() - header->hiddenSectionCount() > 1)
                header->setSectionHidden(column, !on);
        });
    }
}

void offerColumnMenu(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QHeaderView::customContextMenuRequested, view, [view, header](const QPoint &position) {
        QMenu menu(view);
        menu.setObjectName(QStringLiteral("columnMenu"));
        addColumnToggles(&menu, view);
        menu.exec(header->viewport()->mapToGlobal(position));
    });
}

QSize firstStartWindowSize(const QSize &available)
{
    // Nine tenths of the room, up to a size beyond which a wider table only adds empty space.
    const QSize wanted(std::min(available.width() * 9 / 10, 1920), std::min(available.height() * 9 / 10, 1200));
    return wanted.boundedTo(available);
}

} // namespace arr
