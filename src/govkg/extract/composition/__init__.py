"""extract/composition"""
