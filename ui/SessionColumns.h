#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>

class QMenu;
class QPoint;
class QTableView;

namespace arr {

// The sessions table's columns: their default order, widths and visibility, the menu that shows and
// hides them (the header's context menu and the View menu's Columns), fitting them to the first
// sessions shown, and their saved layout.
class SessionColumns : public QObject
{
    Q_OBJECT

public:
    // `view` shows a model with SessionTableModel's columns (through a proxy or not).
    explicit SessionColumns(QTableView *view);

    // A check per column (the last visible one cannot be hidden) and "Reset columns".
    void fillMenu(QMenu *menu);
    // The order, widths and visibility a new user's table has; sorted by account.
    void applyDefaults();
    // Restores a layout saved by saveState(), written when the table had `savedColumnCount` columns;
    // without one (or with one that cannot be used), the defaults, fitted to the first sessions shown.
    void restoreState(const QByteArray &state, int savedColumnCount);
    QByteArray saveState() const;
    // Fits the columns to the sessions shown, once, if restoreState() asked for it and the table is
    // visible with rows in it; otherwise waits for the next call.
    void fitOnceWhenShown();
    bool fitPending() const { return m_fitPending; }

private:
    void showMenu(const QPoint &position);
    // Narrows the columns elided in the middle until every visible column fits the table's width
    // (`defaults`: the widths before fitting, by column).
    void fitIntoView(const QHash<int, int> &defaults);

    QTableView *m_view;
    // No saved layout: the columns are fitted to the first sessions shown.
    bool m_fitPending = false;
};

} // namespace arr
