#pragma once

#include <QAction>
#include <QList>
#include <QObject>
#include <QPointer>

class QToolBar;

namespace arr {

// Keeps a tool bar's commands in view when their texts do not all fit beside their icons (a longer
// language, a narrow window): the secondary commands then show their icon only, their text staying
// in the tooltip and the accessible name, rather than the tool bar hiding commands behind its
// overflow menu. Looks again whenever the tool bar is resized or a command's text changes.
class ToolBarFit : public QObject
{
    Q_OBJECT

public:
    ToolBarFit(QToolBar *bar, const QList<QAction *> &secondary);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();
    void hideTextsIfSpilling();
    void setSecondaryPriority(QAction::Priority priority);

    QToolBar *m_bar;
    QList<QPointer<QAction>> m_secondary;
};

} // namespace arr
