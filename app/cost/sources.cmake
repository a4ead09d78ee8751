target_sources(bs_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/money.h
    ${CMAKE_CURRENT_LIST_DIR}/money.cpp
    ${CMAKE_CURRENT_LIST_DIR}/usage.h
    ${CMAKE_CURRENT_LIST_DIR}/usage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pricebook.h
    ${CMAKE_CURRENT_LIST_DIR}/pricebook.cpp
    ${CMAKE_CURRENT_LIST_DIR}/costcalculator.h
    ${CMAKE_CURRENT_LIST_DIR}/costcalculator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/costsavings.h
    ${CMAKE_CURRENT_LIST_DIR}/costsavings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pricediff.h
    ${CMAKE_CURRENT_LIST_DIR}/pricediff.cpp
    ${CMAKE_CURRENT_LIST_DIR}/budget.h
    ${CMAKE_CURRENT_LIST_DIR}/budget.cpp)
