// The app's icons: baked at build time from resources/icons/*.svg (tools/iconbake.cpp) and drawn by
// BakedIconEngine; AppStyle puts them in place of the standard icons the main window shows. The
// main window must load none of Qt's image plug-ins (each costs start-up time).
#include "GuiFixture.h"

#include "ui/AppStyle.h"
#include "ui/BakedIconEngine.h"
#include "ui/DetailsPane.h"
#include "ui/SessionStyle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPixmapCache>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList iconNames()
{
    QStringList names;
    const QFileInfoList svgs = QDir(QStringLiteral(ARRSM_ICON_SOURCE_DIR)).entryInfoList({u"*.svg"_s}, QDir::Files);
    for (const QFileInfo &svg : svgs)
        names.append(svg.completeBaseName());
    return names;
}

// Whether `icon` draws the baked pixels of `name` at 16 px.
bool drawsBaked(const QIcon &icon, const QString &name)
{
    return icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied)
        == arr::BakedIconEngine::bakedImage(name, 16);
}

int opaquePixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    }
    return count;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // First, while the process has drawn nothing else.
    void mainWindowLoadsNoImagePlugin();
    void everyIconIsBakedAtEverySize();
    void sizesBetweenBakedOnesAreScaled();
    void unknownNameIsNull();
    void disabledLooksDifferent();
    void paintsAtDeviceResolution();
    void appStyleGivesTheAppsOwnStandardIcons();
};

void TestIcons::initTestCase()
{
    // As main() does.
    QApplication::setStyle(new arr::AppStyle);
}

void TestIcons::mainWindowLoadsNoImagePlugin()
{
#ifndef Q_OS_LINUX
    QSKIP("reads /proc/self/maps");
#else
    GuiFixture f;
    f.open();
    QTRY_COMPARE(f.model().rowCount(), 7);
    // The details pane too, which shows the selected session's status icon.
    f.window->sessionView()->selectRow(0);
    QVERIFY(f.window->detailsPane()->findChild<QLabel *>(u"statusIcon"_s)->pixmap().width() > 0);
    QVERIFY(f.window->grab().width() > 0);
    QFile maps(u"/proc/self/maps"_s);
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    QVERIFY2(!mapped.contains("/imageformats/"), "an image format plug-in was loaded");
    QVERIFY2(!mapped.contains("/iconengines/"), "an icon engine plug-in was loaded");
#endif
}

void TestIcons::everyIconIsBakedAtEverySize()
{
    const QStringList names = iconNames();
    QVERIFY(names.size() >= 20);
    for (const QString &name : names) {
        QVERIFY2(!QIcon(new arr::BakedIconEngine(name)).isNull(), qPrintable(name));
        for (int size : arr::BakedIconEngine::bakedSizes()) {
            const QImage image = arr::BakedIconEngine::bakedImage(name, size);
            QVERIFY2(!image.isNull(), qPrintable(u"%1 at %2"_s.arg(name).arg(size)));
            QCOMPARE(image.size(), QSize(size, size));
            QVERIFY2(opaquePixels(image) > size, qPrintable(u"%1 at %2 is blank"_s.arg(name).arg(size)));
        }
    }
}

void TestIcons::sizesBetweenBakedOnesAreScaled()
{
    const QIcon icon = arr::style::icon(u"stop"_s);
    // No theme name: platforms would look it up in the icon theme.
    QVERIFY(icon.name().isEmpty());
    for (int edge : {16, 20, 24, 40, 128, 300}) {
        const QPixmap pixmap = icon.pixmap(QSize(edge, edge));
        QCOMPARE(pixmap.size(), QSize(edge, edge));
        QVERIFY(opaquePixels(pixmap.toImage()) > edge);
    }
    // Icons are square: a wide request gets the largest square that fits.
    QCOMPARE(icon.actualSize(QSize(40, 24)), QSize(24, 24));
    QCOMPARE(icon.pixmap(QSize(40, 24)).size(), QSize(24, 24));
    // A baked size is drawn as it was baked.
    QCOMPARE(icon.pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied),
        arr::BakedIconEngine::bakedImage(u"stop"_s, 32));
    QCOMPARE(icon.availableSizes().size(), arr::BakedIconEngine::bakedSizes().size());
}

void TestIcons::unknownNameIsNull()
{
    const QIcon icon = arr::style::icon(u"no-such-icon"_s);
    QVERIFY(icon.isNull());
    QVERIFY(icon.pixmap(QSize(16, 16)).isNull());
    QVERIFY(icon.availableSizes().isEmpty());
    QImage canvas(16, 16, QImage::Format_ARGB32_Premultiplied);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    icon.paint(&painter, canvas.rect());
    painter.end();
    QCOMPARE(opaquePixels(canvas), 0);
    QVERIFY(arr::BakedIconEngine::bakedImage(u"stop"_s, 17).isNull());
}

void TestIcons::disabledLooksDifferent()
{
    const QIcon icon = arr::style::icon(u"new-session"_s);
    const QImage normal = icon.pixmap(QSize(24, 24), QIcon::Normal).toImage();
    const QImage disabled = icon.pixmap(QSize(24, 24), QIcon::Disabled).toImage();
    QCOMPARE(disabled.size(), normal.size());
    QVERIFY(disabled != normal);
    // Asked again, the same look (from the cache or not).
    QPixmapCache::clear();
    QCOMPARE(icon.pixmap(QSize(24, 24), QIcon::Disabled).toImage(), disabled);
}

void TestIcons::paintsAtDeviceResolution()
{
    // A 16-point icon on a screen of two pixels per point is drawn from the 32-pixel bake.
    QImage canvas(32, 32, QImage::Format_ARGB32_Premultiplied);
    canvas.setDevicePixelRatio(2);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    arr::style::icon(u"refresh"_s).paint(&painter, QRect(0, 0, 16, 16));
    painter.end();
    canvas.setDevicePixelRatio(1);
    QCOMPARE(canvas, arr::BakedIconEngine::bakedImage(u"refresh"_s, 32));
}

void TestIcons::appStyleGivesTheAppsOwnStandardIcons()
{
    const QStyle *style = QApplication::style();
    QVERIFY(drawsBaked(style->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton), u"more-horizontal"_s));
    QVERIFY(drawsBaked(style->standardIcon(QStyle::SP_ToolBarVerticalExtensionButton), u"more-vertical"_s));
    QVERIFY(drawsBaked(style->standardIcon(QStyle::SP_TitleBarNormalButton), u"dock-float"_s));
    QVERIFY(drawsBaked(style->standardIcon(QStyle::SP_TitleBarCloseButton), u"dismiss"_s));
    QVERIFY(drawsBaked(style->standardIcon(QStyle::SP_LineEditClearButton), u"clear-text"_s));
    // The others are the platform style's.
    const QIcon critical = style->standardIcon(QStyle::SP_MessageBoxCritical);
    QVERIFY(!critical.isNull());
    QVERIFY(!drawsBaked(critical, u"status-error"_s));
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
