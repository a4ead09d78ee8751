# bench_scan: JsonlScanner on a generated ~256 MB / 100k-request file, against a
# QJsonDocument-per-line scan and `wc -l` of the same file, measured in the same run.
add_executable(bench_scan ${CMAKE_CURRENT_LIST_DIR}/bench_scan.cpp)
target_link_libraries(bench_scan PRIVATE bs_defaults bs_core bs_testsupport Qt6::Core)
