target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/secretstore.h
    ${CMAKE_CURRENT_LIST_DIR}/secretstore.cpp)
