#include "core/appinfo.h"
#include "mainwindow.h"
#include "translator.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    bs::AppInfo::applyToApplication();
    QApplication::setDesktopFileName(bs::AppInfo::desktopId());

    // --lang must be known before any translated text is built, so parse it first.
    QCommandLineParser parser;
    QCommandLineOption langOption(QStringList{QStringLiteral("lang")},
                                  QStringLiteral("Interface language (en, ko)."),
                                  QStringLiteral("code"));
    parser.addOption(langOption);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    bs::ui::Translator::install(app, parser.value(langOption));
    parser.setApplicationDescription(QApplication::translate("main", "Batchscope console"));

    bs::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
