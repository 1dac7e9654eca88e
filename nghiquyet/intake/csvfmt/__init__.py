"""CSV: the long format ``resolution,indicator,org_unit,period,value,estimate,note``."""
