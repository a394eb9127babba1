"""extract/bodies"""
