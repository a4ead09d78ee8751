# bench_submit: the real batchscope-cli submitting a generated ~256 MB / 100k-request file to
# batchscope-sim (scan, write-ahead, create upload): MB/s, the CLI's peak RSS and the ledger's
# growth, beside `cp` of the file and `batchscope-cli validate` measured in the same run.
if(TARGET batchscope-sim AND TARGET batchscope-cli)
    add_executable(bench_submit ${CMAKE_CURRENT_LIST_DIR}/bench_submit.cpp)
    target_link_libraries(bench_submit PRIVATE bs_defaults bs_core bs_testsupport Qt6::Core Qt6::Sql)
    target_compile_definitions(bench_submit PRIVATE
        BS_CLI_PATH="$<TARGET_FILE:batchscope-cli>")
    add_dependencies(bench_submit batchscope-cli batchscope-sim)
endif()
