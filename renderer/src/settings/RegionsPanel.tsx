import Typography from '@mui/material/Typography';
import { RegionsSection } from './RegionsSection';

/** 设置 › 地区: the office's districts or towns, for the registration form and 统计 by region. */
export function RegionsPanel() {
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        本会辖区内的区县、乡镇或街道，登记投诉时选填，统计按地区分列。改名后已登记的案件随之改名；删去的地区不再供选择，原有案件仍保留。
      </Typography>
      <RegionsSection />
    </>
  );
}
