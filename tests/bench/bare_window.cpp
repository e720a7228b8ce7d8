// The baselines of the start-up benchmark: a bare QMainWindow, shown and painted, then gone; with
// --text, the same window with one line of text in it, which is the least any window with text pays
// (fontconfig's configuration and a first font, which the bare window never loads).
#include "StartupProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    if (QApplication::arguments().contains(QStringLiteral("--text")))
        window.setCentralWidget(new QLabel(QStringLiteral("Opening your accounts…"), &window));
    window.resize(1280, 800);
    window.show();
    arr::quitWhenPainted(&window);
    return QApplication::exec();
}
