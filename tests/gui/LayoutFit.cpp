#include "LayoutFit.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionGroupBox>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gui {

namespace {

QString describe(const QWidget *widget, const QString &text)
{
    const QString name = widget->objectName().isEmpty() ? QString() : u" "_s + widget->objectName();
    return u"%1%2 \"%3\""_s.arg(QString::fromLatin1(widget->metaObject()->className()), name, text.simplified());
}

QString tooSmall(const QWidget *widget, const QString &text, const QSize &has, const QSize &needs)
{
    return describe(widget, text)
        + u": %1×%2 px, needs %3×%4"_s.arg(has.width()).arg(has.height()).arg(needs.width()).arg(needs.height());
}

void checkLabel(const QLabel *label, QStringList *out)
{
    const QString text = label->text();
    if (text.isEmpty())
        return;
    if (label->wordWrap()) {
        const int needed = label->heightForWidth(label->width());
        if (needed > label->height())
            out->append(tooSmall(label, text, label->size(), QSize(label->width(), needed)));
        return;
    }
    const QSize hint = label->sizeHint();
    if (hint.width() > label->width() || hint.height() > label->height())
        out->append(tooSmall(label, text, label->size(), hint));
}

void checkButton(const QAbstractButton *button, QStringList *out)
{
    if (button->text().isEmpty())
        return;
    if (const auto *tool = qobject_cast<const QToolButton *>(button);
        tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
        return;
    const QSize hint = button->sizeHint();
    if (hint.width() > button->width())
        out->append(tooSmall(button, button->text(), button->size(), hint));
}

void checkGroupBox(const QGroupBox *box, QStringList *out)
{
    if (box->title().isEmpty())
        return;
    QStyleOptionGroupBox option;
    option.initFrom(box);
    option.text = box->title();
    option.subControls
        = QStyle::SC_GroupBoxLabel | (box->isCheckable() ? QStyle::SC_GroupBoxCheckBox : QStyle::SC_None);
    option.lineWidth = 1;
    const QRect label = box->style()->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxLabel, box);
    const int needed = box->fontMetrics().horizontalAdvance(box->title()) + label.left();
    if (needed > box->width())
        out->append(tooSmall(box, box->title(), box->size(), QSize(needed, box->height())));
}

void checkHeader(const QHeaderView *header, QStringList *out)
{
    if (header->orientation() != Qt::Horizontal || !header->model())
        return;
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int section = 0; section < header->count(); ++section) {
        if (header->isSectionHidden(section))
            continue;
        const QString title = header->model()->headerData(section, Qt::Horizontal, Qt::DisplayRole).toString();
        if (title.isEmpty())
            continue;
        int needed = header->fontMetrics().horizontalAdvance(title) + 2 * margin;
        if (header->isSortIndicatorShown() && header->sortIndicatorSection() == section)
            needed += header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + margin;
        if (header->sectionSize(section) < needed)
            out->append(tooSmall(
                header, title, QSize(header->sectionSize(section), header->height()), QSize(needed, header->height())));
    }
}

void checkToolBar(const QToolBar *bar, QStringList *out)
{
    const auto *extension = bar->findChild<QToolButton *>(u"qt_toolbar_ext_button"_s);
    if (extension && extension->isVisible())
        out->append(describe(bar, bar->windowTitle()) + u": some of its buttons are behind the overflow menu"_s);
}

void checkCells(const QAbstractItemView *view, QStringList *out)
{
    const QHeaderView *header = nullptr;
    if (const auto *tree = qobject_cast<const QTreeView *>(view))
        header = tree->header();
    else if (const auto *table = qobject_cast<const QTableView *>(view))
        header = table->horizontalHeader();
    const QAbstractItemModel *model = view->model();
    if (!header || !model)
        return;
    const auto *tree = qobject_cast<const QTreeView *>(view);
    const int margin = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    for (int row = 0; row < std::min(model->rowCount(), 50); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (header->isSectionHidden(column))
                continue;
            const QModelIndex index = model->index(row, column);
            const QString text = index.data(Qt::DisplayRole).toString();
            if (text.isEmpty())
                continue;
            int needed = view->fontMetrics().horizontalAdvance(text) + margin;
            if (!index.data(Qt::DecorationRole).isNull())
                needed += view->iconSize().isValid() ? view->iconSize().width() + 4 : 20;
            if (tree && column == 0 && tree->rootIsDecorated())
                needed += tree->indentation();
            if (header->sectionSize(column) < needed)
                out->append(
                    tooSmall(view, text, QSize(header->sectionSize(column), 0), QSize(needed, 0)) + u" (a cell)"_s);
        }
    }
}

} // namespace

QStringList elidedCells(QWidget *top)
{
    QStringList out;
    const QList<QAbstractItemView *> views = top->findChildren<QAbstractItemView *>();
    for (const QAbstractItemView *view : views) {
        if (view->isVisible() && view->window() == top)
            checkCells(view, &out);
    }
    return out;
}

QStringList clippedTexts(QWidget *top)
{
    QStringList out;
    const QList<QWidget *> widgets = top->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->window() != top)
            continue;
        if (const auto *label = qobject_cast<const QLabel *>(widget))
            checkLabel(label, &out);
        else if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            checkButton(button, &out);
        else if (const auto *box = qobject_cast<const QGroupBox *>(widget))
            checkGroupBox(box, &out);
        else if (const auto *header = qobject_cast<const QHeaderView *>(widget))
            checkHeader(header, &out);
        else if (const auto *bar = qobject_cast<const QToolBar *>(widget))
            checkToolBar(bar, &out);
    }
    return out;
}

} // namespace gui
