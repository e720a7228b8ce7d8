// The baseline of the start-up benchmark: a bare QMainWindow, shown and painted, then gone.
#include "ui/StartupProbe.h"

#include <QApplication>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800);
    window.show();
    arr::quitWhenPainted(&window);
    return QApplication::exec();
}
