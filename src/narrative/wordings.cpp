#include "narrative/wordings.hpp"
